package org.tabale.alerts.route;

import java.util.List;
import org.tabale.alerts.lifecycle.Alert;

/**
 * Who hears about an alert: the responders of a tier whose regions cover the alert's region and
 * whose least severity the alert reaches. Escalation asks for tier 2, 3... in turn;
 * {@link #lastTier} bounds it. Pure, order kept from the responders file.
 */
public final class Router {

    private final List<Responder> responders;

    public Router(List<Responder> responders) {
        this.responders = List.copyOf(responders);
    }

    /** The responders of {@code tier} who want this alert. */
    public List<Responder> route(Alert alert, int tier) {
        return responders.stream()
                .filter(r -> r.tier() == tier)
                .filter(r -> r.wants(alert.region().id(), alert.severity()))
                .toList();
    }

    /** The highest tier with a responder who wants this alert; 0 when nobody does. */
    public int lastTier(Alert alert) {
        return responders.stream().filter(r -> r.wants(alert.region().id(), alert.severity()))
                .mapToInt(Responder::tier).max().orElse(0);
    }
}
