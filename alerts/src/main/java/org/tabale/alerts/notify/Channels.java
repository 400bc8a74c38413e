package org.tabale.alerts.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured channels by name, so an outbox hands any notification to the channel its
 * contact needs. A contact whose channel is not configured (no SMTP server, no SMS gateway) is a
 * permanent failure that names the missing configuration.
 */
public final class Channels {

    private final Map<String, Channel> byName = new LinkedHashMap<>();

    public Channels(List<Channel> channels) {
        for (Channel channel : channels) {
            if (byName.putIfAbsent(channel.name(), channel) != null) {
                throw new IllegalArgumentException("two channels named " + channel.name());
            }
        }
    }

    /** The names of the configured channels. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    /** One delivery attempt on the channel of the notification's contact. */
    public DeliveryResult deliver(Notification notification) throws InterruptedException {
        Channel channel = byName.get(notification.contact().channel());
        if (channel == null) {
            return new DeliveryResult.PermanentFailure("no " + notification.contact().channel()
                    + " channel is configured (responder " + notification.responder() + ")");
        }
        return channel.deliver(notification);
    }
}
