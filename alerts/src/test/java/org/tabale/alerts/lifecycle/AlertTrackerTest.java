package org.tabale.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.rules.ThresholdRule;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

class AlertTrackerTest {

    private static final LocalDate DAY = LocalDate.of(2019, 3, 23);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final RuleSet RULES = new RuleSet(List.of(
            new ThresholdRule("civ", Metric.CIVILIAN_FATALITIES, 7, 10, Severity.SEVERE)));

    private static RegionStats stats(String region, LocalDate date, long civilianFatalities) {
        return new RegionStats(region, "Mali", region.substring(4), date,
                Map.of(7, new Totals(1, civilianFatalities, 1, 1, civilianFatalities)));
    }

    @Test
    void shouldRaiseOneAlertWithTheEvidenceOfTheCrossing() {
        AlertTracker tracker = new AlertTracker(RULES, CLOCK);

        List<Alert> alerts = tracker.onStats(stats("MLI.Mopti", DAY, 157));

        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert).usingRecursiveComparison().ignoringFields("id").isEqualTo(new Alert("ignored", "civ",
                Metric.CIVILIAN_FATALITIES, 7, new Alert.RegionRef("MLI.Mopti", "Mali", "Mopti"), DAY, Alert.State.firing,
                Severity.SEVERE, 157, 10, List.of(), CLOCK.instant()));
        assertThat(alert.id()).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldRaiseNothingBelowTheThreshold() {
        assertThat(new AlertTracker(RULES, CLOCK).onStats(stats("MLI.Mopti", DAY, 9))).isEmpty();
    }

    @Test
    void shouldRaiseOneAlertPerEpisodeWhateverTheOrderOfItsDates() {
        List<RegionStats> episode = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            episode.add(stats("MLI.Mopti", DAY.plusDays(i), 157));
            episode.add(stats("MLI.Mopti", DAY.plusDays(i), 157)); // the same window re-emitted
        }
        for (int seed = 0; seed < 20; seed++) {
            AlertTracker tracker = new AlertTracker(RULES, CLOCK);
            Collections.shuffle(episode, new Random(seed));

            long raised = episode.stream().mapToLong(s -> tracker.onStats(s).size()).sum();

            assertThat(raised).as("seed %d", seed).isEqualTo(1);
        }
    }

    @Test
    void shouldRaiseAgainForALaterEpisodeAndForAnotherRegion() {
        AlertTracker tracker = new AlertTracker(RULES, CLOCK);
        tracker.onStats(stats("MLI.Mopti", DAY, 20));

        assertThat(tracker.onStats(stats("MLI.Mopti", DAY.plusDays(30), 20))).hasSize(1);
        assertThat(tracker.onStats(stats("MLI.Gao", DAY, 20))).hasSize(1);
        assertThat(tracker.raised()).hasSize(3);
    }
}
