package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.support.Alerts;

/** The outbox's retries, backoff, deadline and log, with a channel that answers as scripted and a clock the test moves. */
class OutboxTest {

    private static final Responder OFFICER = new Responder("mopti-ewo", List.of(RegionSelector.ALL), Severity.MINOR, Language.FR,
            new Responder.Channels(null, new Contact.Email("alerte@example.org"), null), 1);

    /** A clock the test moves forward. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A channel answering from a script, then delivering. */
    private static final class ScriptedChannel implements Channel {
        final Deque<DeliveryResult> script = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "email";
        }

        @Override
        public DeliveryResult deliver(Notification notification) {
            calls.incrementAndGet();
            DeliveryResult next = script.poll();
            return next == null ? new DeliveryResult.Delivered("250 OK") : next;
        }
    }

    private final TestClock clock = new TestClock();
    private final ScriptedChannel channel = new ScriptedChannel();
    private final List<Delivery> log = new CopyOnWriteArrayList<>();
    private Outbox outbox;

    private Outbox outbox() {
        outbox = new Outbox(new Channels(List.of(channel)), name -> Optional.of(OFFICER), log::add, clock, Duration.ofHours(1),
                Duration.ofSeconds(1), Duration.ofMinutes(10), new SimpleMeterRegistry());
        return outbox;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (outbox != null) {
            outbox.close();
        }
    }

    private static List<Notification> message() {
        return Notification.of(Alerts.first(Alerts.mopti()), OFFICER);
    }

    @Test
    void shouldRetryAPassingFailureWithBackoffUntilItIsDelivered() {
        channel.script.add(new DeliveryResult.RetryableFailure("421 try later"));
        channel.script.add(new DeliveryResult.RetryableFailure("busy", Optional.of(Duration.ofMinutes(5))));
        Outbox box = outbox();
        box.start();

        box.enqueue(message());
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.calls.get() == 1);
        Delivery afterFirst = box.deliveries(Delivery.Status.pending).get(0);
        assertThat(afterFirst.lastError()).isEqualTo("421 try later");
        assertThat(afterFirst.nextAttempt()).isEqualTo(clock.instant().plusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.calls.get() == 2);
        // The receiver asked for 5 minutes: more than the backoff (2 s).
        assertThat(box.deliveries(Delivery.Status.pending).get(0).nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> !box.deliveries(Delivery.Status.delivered).isEmpty());
        assertThat(log).extracting(Delivery::status).containsExactly(Delivery.Status.pending, Delivery.Status.pending,
                Delivery.Status.pending, Delivery.Status.delivered);
        assertThat(box.deliveries(Delivery.Status.delivered).get(0).attempts()).isEqualTo(3);
    }

    @Test
    void shouldGiveUpAtTheDeadlineAndOnAPermanentFailure() {
        channel.script.add(new DeliveryResult.RetryableFailure("down", Optional.of(Duration.ofHours(2))));
        Outbox box = outbox();
        box.start();

        box.enqueue(message());

        await().atMost(Duration.ofSeconds(10)).until(() -> !box.deliveries(Delivery.Status.failed).isEmpty());
        assertThat(box.deliveries(Delivery.Status.failed).get(0).lastError()).contains("deadline passed");

        channel.script.add(new DeliveryResult.PermanentFailure("550 no such mailbox"));
        box.enqueue(Notification.of(Alerts.update(Alerts.mopti()), OFFICER));
        await().atMost(Duration.ofSeconds(10)).until(() -> box.deliveries(Delivery.Status.failed).size() == 2);
        assertThat(channel.calls.get()).isEqualTo(2);
    }

    @Test
    void shouldNeverSendAgainWhatItsLogSaysWasDelivered() {
        Outbox first = outbox();
        first.start();
        first.enqueue(message());
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.deliveries(Delivery.Status.delivered).isEmpty());

        Outbox restarted = new Outbox(new Channels(List.of(channel)), name -> Optional.of(OFFICER), log::add, clock,
                Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMinutes(10), new SimpleMeterRegistry());
        log.stream().filter(d -> d.status() == Delivery.Status.delivered).forEach(restarted::restore);
        restarted.enqueue(message());

        assertThat(restarted.deliveries(Delivery.Status.pending)).isEmpty();
        assertThat(channel.calls.get()).isEqualTo(1);
    }

    @Test
    void shouldHandOutNewDeliveriesToRecordAndSendNothingBeforeTheyAreQueued() {
        Outbox box = outbox();
        box.start();

        List<Delivery> fresh = box.fresh(message());
        assertThat(fresh).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.pending));
        assertThat(box.fresh(message())).as("not kept until queued").isEqualTo(fresh);
        assertThat(box.deliveries(Delivery.Status.pending)).isEmpty();
        assertThat(log).isEmpty();

        box.queue(fresh);
        await().atMost(Duration.ofSeconds(10)).until(() -> !box.deliveries(Delivery.Status.delivered).isEmpty());
        assertThat(box.fresh(message())).isEmpty();
        box.queue(fresh);
        assertThat(channel.calls.get()).isEqualTo(1);
        assertThat(log).extracting(Delivery::status).containsExactly(Delivery.Status.delivered);
    }
}
