package org.tabale.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertLifecycle;
import org.tabale.alerts.lifecycle.Change;
import org.tabale.alerts.lifecycle.LifecycleSettings;
import org.tabale.alerts.lifecycle.Observation;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.notify.Notification;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.route.Router;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/**
 * The alert service queues (and records) a message's notifications before it records the alert
 * change that carries the message: a kill between the two must leave a delivery to make, never an
 * alert that says it was sent to nobody.
 */
class WriteAheadTest {

    private static final Alert.RegionRef TILLABERI = new Alert.RegionRef("NER.Tillaberi", "Niger", "Tillaberi");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    private static final Instant NOW = Instant.parse("2026-11-12T08:00:00Z");
    private static final Responder HOOK = new Responder("webhook", List.of(RegionSelector.ALL), Severity.MINOR, Language.EN,
            new Responder.Channels(new Contact.Webhook(URI.create("https://hooks.example.org/tabale"),
                    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), null, null), 1);

    private static Observation seen(LocalDate date, long value) {
        return new Observation("civilian-fatalities-7d", Metric.CIVILIAN_FATALITIES, 7, TILLABERI, date, true, value, 10, 2.0,
                Severity.SEVERE, Alert.Basis.EVENT_DATA, List.of("NER1"));
    }

    private static List<Change> firing() {
        AlertLifecycle lifecycle = new AlertLifecycle(LifecycleSettings.DEFAULT, alert -> 1);
        List<Change> changes = new ArrayList<>(lifecycle.observe(seen(DAY, 40), NOW));
        changes.addAll(lifecycle.observe(seen(DAY.plusDays(1), 40), NOW));
        assertThat(changes).anySatisfy(c -> assertThat(c.notice()).isNotNull());
        return changes;
    }

    @Test
    void shouldQueueTheNotificationsBeforeRecordingTheChangesThatCarryThem() {
        List<String> order = new ArrayList<>();
        List<Notification> queued = new ArrayList<>();

        AlertsApp.writeAhead(firing(), new Router(List.of(HOOK)), notifications -> {
            order.add("queue");
            queued.addAll(notifications);
        }, alerts -> order.add("record " + alerts.size()));

        assertThat(order).containsExactly("queue", "record 2");
        Change fired = firing().get(1);
        assertThat(queued).extracting(Notification::id)
                .containsExactly(Notification.idOf(fired.notice().messageId(), "webhook", "webhook"));
    }

    @Test
    void shouldHaveQueuedTheMessageWhenRecordingTheChangeFails() {
        List<Notification> queued = new ArrayList<>();

        assertThatThrownBy(() -> AlertsApp.writeAhead(firing(), new Router(List.of(HOOK)), queued::addAll, alerts -> {
            throw new IllegalStateException("could not record an alert on tabale.alerts.v1");
        })).hasMessageContaining("could not record");

        assertThat(queued).singleElement().satisfies(n -> assertThat(n.notice().alert().region()).isEqualTo(TILLABERI));
    }
}
