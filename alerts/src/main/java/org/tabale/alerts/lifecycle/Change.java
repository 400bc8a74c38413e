package org.tabale.alerts.lifecycle;

/**
 * What the lifecycle decided: an alert's new state, to record, and the message to send about it
 * (null when nobody is to be told), to the responders of tiers {@code fromTier} to {@code toTier}.
 */
public record Change(Alert alert, AlertNotice notice, int fromTier, int toTier) {

    public static Change quiet(Alert alert) {
        return new Change(alert, null, 0, 0);
    }
}
