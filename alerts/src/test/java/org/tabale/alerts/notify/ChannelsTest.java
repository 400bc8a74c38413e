package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.support.Alerts;

class ChannelsTest {

    /** A channel that records what it was given. */
    private record Recording(String name, List<Notification> seen) implements Channel {
        @Override
        public DeliveryResult deliver(Notification notification) {
            seen.add(notification);
            return new DeliveryResult.Delivered(name);
        }
    }

    private final Recording sms = new Recording("sms", new CopyOnWriteArrayList<>());
    private final Channels channels = new Channels(List.of(sms));

    @Test
    void shouldHandANotificationToTheChannelOfItsContact() throws Exception {
        Notification notification = new Notification("n1", Alerts.first(Alerts.mopti()), "r", Language.FR, new Contact.Sms("+22370000001"));

        assertThat(channels.deliver(notification)).isEqualTo(new DeliveryResult.Delivered("sms"));
        assertThat(sms.seen()).containsExactly(notification);
    }

    @Test
    void shouldFailPermanentlyWhenTheContactsChannelIsNotConfigured() throws Exception {
        Notification notification = new Notification("n2", Alerts.first(Alerts.mopti()), "mopti-ewo", Language.FR,
                new Contact.Email("a@b.org"));

        assertThat(channels.deliver(notification))
                .isEqualTo(new DeliveryResult.PermanentFailure("no email channel is configured (responder mopti-ewo)"));
        assertThat(sms.seen()).isEmpty();
    }

    @Test
    void shouldRefuseTwoChannelsOfOneName() {
        assertThatThrownBy(() -> new Channels(List.of(sms, new Recording("sms", List.of()))))
                .hasMessageContaining("two channels named sms");
    }
}
