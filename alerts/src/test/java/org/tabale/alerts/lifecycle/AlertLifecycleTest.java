package org.tabale.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

class AlertLifecycleTest {

    private static final Alert.RegionRef MOPTI = new Alert.RegionRef("MLI.Mopti", "Mali", "Mopti");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    private static final Instant NOW = Instant.parse("2026-11-12T08:00:00Z");

    private final AlertLifecycle lifecycle = new AlertLifecycle(LifecycleSettings.DEFAULT, alert -> 3);

    private static Observation seen(LocalDate date, long value) {
        boolean holds = value >= 10;
        return new Observation("civilian-fatalities-7d", Metric.CIVILIAN_FATALITIES, 7, MOPTI, date, holds, value, 10,
                2.0, holds ? (value >= 30 ? Severity.EXTREME : Severity.SEVERE) : null, Alert.Basis.EVENT_DATA,
                List.of("MLI1"));
    }

    private static List<AlertNotice> notices(List<Change> changes) {
        return changes.stream().map(Change::notice).filter(n -> n != null).toList();
    }

    private Alert only() {
        assertThat(lifecycle.alerts()).hasSize(1);
        return lifecycle.alerts().get(0);
    }

    @Test
    void shouldWaitForASecondDateBeforeFiring() {
        assertThat(notices(lifecycle.observe(seen(DAY, 12), NOW))).isEmpty();
        assertThat(only().state()).isEqualTo(Alert.State.pending);

        List<AlertNotice> sent = notices(lifecycle.observe(seen(DAY.plusDays(1), 12), NOW));

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(AlertNotice.Kind.NEW);
            assertThat(n.alert().state()).isEqualTo(Alert.State.firing);
            assertThat(n.messageId()).isEqualTo(n.alert().id() + ".0");
        });
    }

    @Test
    void shouldFireOnATickOnceTheNextDateHasPassedWithoutAContraryRecord() {
        lifecycle.observe(seen(DAY, 12), NOW);

        assertThat(notices(lifecycle.tick(NOW))).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.NEW));
    }

    @Test
    void shouldFireWhenTheNextRecordComesDaysLaterSinceTheFiguresHeldMeanwhile() {
        lifecycle.observe(seen(DAY, 12), NOW);

        // The 7-day window held from DAY to DAY + 6: records are only emitted where figures change.
        List<AlertNotice> sent = notices(lifecycle.observe(seen(DAY.plusDays(7), 0), NOW));

        assertThat(sent).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.NEW));
        assertThat(only().episode().lastHeld()).isEqualTo(DAY.plusDays(6));
        assertThat(only().episode().belowSince()).isEqualTo(DAY.plusDays(7));
    }

    @Test
    void shouldDropAPendingAlertTheNextDateDoesNotConfirm() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 4), NOW);

        assertThat(notices(lifecycle.tick(NOW))).isEmpty();
        assertThat(only().state()).isEqualTo(Alert.State.resolved);
        assertThat(only().episode().sent()).isEmpty();
    }

    @Test
    void shouldPageOncePerEpisodeWhateverRecordsRepeat() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            changes.addAll(lifecycle.observe(seen(DAY, 12), NOW));
            changes.addAll(lifecycle.observe(seen(DAY.plusDays(1), 12), NOW));
            changes.addAll(lifecycle.observe(seen(DAY.plusDays(3), 13), NOW));
            changes.addAll(lifecycle.tick(NOW));
        }

        assertThat(notices(changes)).hasSize(1);
    }

    @Test
    void shouldSendAnUpdateWhenTheEpisodeWorsensNotANewAlert() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);

        assertThat(notices(lifecycle.observe(seen(DAY.plusDays(2), 15), NOW))).isEmpty();
        List<AlertNotice> update = notices(lifecycle.observe(seen(DAY.plusDays(3), 31), NOW));

        assertThat(update).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(AlertNotice.Kind.UPDATE);
            assertThat(n.sequence()).isEqualTo(1);
            assertThat(n.alert().severity()).isEqualTo(Severity.EXTREME);
            assertThat(n.alert().value()).isEqualTo(31);
        });
        assertThat(lifecycle.alerts()).hasSize(1);
    }

    @Test
    void shouldResolveOnlyBelowTheHysteresisMarginForLongEnough() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);

        // 9 is below the trigger (10) but not below 10 × (1 - 0.2) = 8: not on the way to resolution.
        lifecycle.observe(seen(DAY.plusDays(2), 9), NOW);
        assertThat(only().episode().belowSince()).isNull();
        lifecycle.observe(seen(DAY.plusDays(3), 2), NOW);
        assertThat(notices(lifecycle.observe(seen(DAY.plusDays(10), 1), NOW))).isEmpty();

        List<AlertNotice> resolved = notices(lifecycle.observe(seen(DAY.plusDays(17), 0), NOW));

        assertThat(resolved).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.RESOLVED));
        assertThat(only().state()).isEqualTo(Alert.State.resolved);
        // A late record of the episode's dates does not reopen it.
        assertThat(notices(lifecycle.observe(seen(DAY.plusDays(1), 14), NOW))).isEmpty();
    }

    @Test
    void shouldResolveByTheClockWhenTheRegionGoesQuiet() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(8), 0), NOW);
        lifecycle.acknowledge(only().id(), "officer Diarra", "on it", NOW);

        assertThat(lifecycle.tick(NOW.plus(Duration.ofDays(13)))).isEmpty();
        assertThat(notices(lifecycle.tick(NOW.plus(Duration.ofDays(21))))).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.RESOLVED));
    }

    @Test
    void shouldRecordButNotPushAnEpisodeOfWindowsThatEndedLongAgo() {
        LocalDate old = LocalDate.of(2018, 3, 1);
        List<Change> changes = new ArrayList<>(lifecycle.observe(seen(old, 40), NOW));
        changes.addAll(lifecycle.observe(seen(old.plusDays(1), 40), NOW));
        changes.addAll(lifecycle.tick(NOW));

        assertThat(notices(changes)).isEmpty();
        assertThat(only().state()).isEqualTo(Alert.State.firing);
        assertThat(only().episode().pushed()).isFalse();
    }

    @Test
    void shouldComeBackFromItsRecordsWithoutPagingAgain() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);
        AlertLifecycle restarted = new AlertLifecycle(LifecycleSettings.DEFAULT, alert -> 3);
        lifecycle.alerts().forEach(restarted::restore);

        List<Change> replay = new ArrayList<>(restarted.observe(seen(DAY, 12), NOW));
        replay.addAll(restarted.observe(seen(DAY.plusDays(1), 12), NOW));
        replay.addAll(restarted.tick(NOW));

        assertThat(notices(replay)).isEmpty();
        assertThat(restarted.alerts()).hasSize(1);
    }

    @Test
    void shouldHoldMessagesBackDuringASilenceAndSendThemWhenItEnds() {
        Silence operation = new Silence("s1", "MLI", null, null, NOW.minusSeconds(60), NOW.plus(Duration.ofHours(6)),
                "officer Diarra", "known operation in Mopti", false);
        lifecycle.silence(operation, NOW);
        lifecycle.observe(seen(DAY, 12), NOW);

        assertThat(notices(lifecycle.observe(seen(DAY.plusDays(1), 12), NOW))).isEmpty();
        assertThat(only().state()).isEqualTo(Alert.State.silenced);
        assertThat(only().episode().actions()).extracting(Alert.Action::what).contains("silenced");

        List<AlertNotice> after = notices(lifecycle.expire("s1", "officer Diarra", NOW.plusSeconds(3600)));

        assertThat(after).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.NEW));
        assertThat(only().state()).isEqualTo(Alert.State.firing);
    }

    @Test
    void shouldEscalateAnUnacknowledgedSevereAlertABoundedNumberOfTimes() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);

        assertThat(lifecycle.tick(NOW.plus(Duration.ofMinutes(119)))).isEmpty();
        List<Change> second = lifecycle.tick(NOW.plus(Duration.ofHours(2)));
        List<Change> third = lifecycle.tick(NOW.plus(Duration.ofHours(4)));
        List<Change> none = lifecycle.tick(NOW.plus(Duration.ofHours(6)));

        assertThat(second).singleElement().satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo(2);
            assertThat(c.notice().kind()).isEqualTo(AlertNotice.Kind.NEW);
        });
        assertThat(third).singleElement().satisfies(c -> assertThat(c.toTier()).isEqualTo(3));
        assertThat(none).isEmpty();
    }

    @Test
    void shouldStopEscalatingOnceAcknowledged() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);
        String id = only().id();

        lifecycle.acknowledge(id, "officer Diarra", "team on its way", NOW.plusSeconds(60));

        assertThat(lifecycle.tick(NOW.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(only().state()).isEqualTo(Alert.State.acknowledged);
        assertThat(only().episode().acknowledgedBy()).isEqualTo("officer Diarra");
        assertThat(only().episode().actions()).extracting(Alert.Action::what).containsSubsequence("fired", "acknowledged");
    }

    @Test
    void shouldLetAnOfficerResolveAndTellTheResponders() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);
        String id = only().id();

        Change resolved = lifecycle.resolve(id, "officer Diarra", "situation under control", NOW.plusSeconds(60));

        assertThat(resolved.notice().kind()).isEqualTo(AlertNotice.Kind.RESOLVED);
        assertThatThrownBy(() -> lifecycle.resolve(id, "x", "y", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lifecycle.acknowledge("nope", "x", "y", NOW)).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void shouldStartANewEpisodeAfterTheLastOneClosedAndAWindowPassed() {
        lifecycle.observe(seen(DAY, 12), NOW);
        lifecycle.observe(seen(DAY.plusDays(1), 12), NOW);
        lifecycle.resolve(only().id(), "officer", "over", NOW);

        lifecycle.observe(seen(DAY.plusDays(30), 12), NOW.plus(Duration.ofDays(30)));
        List<AlertNotice> second = notices(lifecycle.observe(seen(DAY.plusDays(31), 12), NOW.plus(Duration.ofDays(30))));

        assertThat(second).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(AlertNotice.Kind.NEW));
        assertThat(lifecycle.alerts()).hasSize(2).extracting(Alert::id).doesNotHaveDuplicates();
    }
}
