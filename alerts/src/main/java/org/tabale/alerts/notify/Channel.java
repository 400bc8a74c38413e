package org.tabale.alerts.notify;

/**
 * One way of reaching responders (webhook, e-mail, SMS gateway). A channel makes one attempt per
 * call and says how it went; retries, back-off, deadlines and the notification log belong to
 * the outbox that drives all channels alike. {@link Notification#id()} is stable across
 * attempts, so receivers can drop repeats.
 */
public interface Channel {

    /** The channel name, as {@link org.tabale.alerts.route.Contact#channel()} spells it. */
    String name();

    /**
     * Makes one delivery attempt. A notification for another channel's contact is a permanent
     * failure, never an exception.
     *
     * @throws InterruptedException when the calling thread is interrupted mid-attempt
     */
    DeliveryResult deliver(Notification notification) throws InterruptedException;
}
