package org.tabale.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.rules.RatioDetector;
import org.tabale.alerts.rules.Rule;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.rules.SeverityMapping;
import org.tabale.alerts.rules.ThresholdDetector;
import org.tabale.ingest.parse.Feed;
import org.tabale.model.Gazetteer;
import org.tabale.model.Metric;

class BacktestTest {

    static final Rule MASSACRE = new Rule("civ-7d", Metric.CIVILIAN_FATALITIES, 7, new ThresholdDetector(10),
            new SeverityMapping(null, null, List.of(new SeverityMapping.Step(10, Severity.SEVERE),
                    new SeverityMapping.Step(30, Severity.EXTREME))), List.of());
    static final Rule SURGE = new Rule("civ-30d-surge", Metric.CIVILIAN_FATALITIES, 30, new RatioDetector(3, 5, 15),
            Severity.MODERATE);
    static final RuleSet RULES = RuleSet.of(List.of(MASSACRE, SURGE));

    static FeedFiles.Read read;

    static Path fixture() throws URISyntaxException {
        return Path.of(BacktestTest.class.getResource("/backtest/synthetic-acled.csv").toURI());
    }

    @BeforeAll
    static void readFixture() throws Exception {
        read = FeedFiles.read(List.of(fixture()), Feed.ACLED, Gazetteer.bundled());
    }

    @Test
    void shouldKeepTheNewestVersionOfEachEventAndCountTheRest() {
        assertThat(read.rows()).isEqualTo(9);
        assertThat(read.refused()).isEqualTo(1);
        assertThat(read.repeated()).as("a monadic repeat and an older version").isEqualTo(2);
        assertThat(read.events()).filteredOn(e -> e.eventId().equals("SYN4")).singleElement()
                .satisfies(e -> assertThat(e.fatalities()).as("the version of timestamp 200").isEqualTo(2));
        assertThat(read.problems()).singleElement().asString().contains("1 of 9 rows refused", "event_id_cnty");
    }

    @Test
    void shouldJoinHoldingDatesLessThanAWindowApartIntoOneEpisode() {
        Backtest.Result result = new Backtest(RULES, -1).run(read.events());

        // 37 dead on 1 Jan hold the 7-day rule to 7 Jan; 12 on 11 Jan hold it 11-17 Jan: three quiet days,
        // fewer than the window, so one episode. 15 on 10 Feb come 23 days later: a second episode.
        // SYN4 was revised to 2 dead: nothing. The surge rule waits out its year of warm-up.
        assertThat(result.episodes()).containsExactly(
                new Episode("MLI.Mopti", "Mali", "Mopti", "civ-7d", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 17), 14, 37,
                        LocalDate.of(2019, 1, 1), Severity.EXTREME),
                new Episode("MLI.Mopti", "Mali", "Mopti", "civ-7d", LocalDate.of(2019, 2, 10), LocalDate.of(2019, 2, 16), 7, 15,
                        LocalDate.of(2019, 2, 10), Severity.SEVERE));
        assertThat(result.regions()).containsExactly("MLI.Bamako", "MLI.Mopti");
        assertThat(result.first()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(result.last()).isEqualTo(LocalDate.of(2019, 3, 1));
    }

    @Test
    void shouldEvaluateHistoryRulesFromTheFirstDayWithoutWarmUp() {
        Backtest.Result result = new Backtest(RULES, 0).run(read.events());

        // From an almost empty past the guard counts the usual as 5, so the rule needs max(3 x 5, 15) = 15:
        // 1 Jan's 37 hold it to 30 Jan, 10 Feb's 15 (and 1 Mar's 2) from 10 Feb to 11 Mar. The ten days
        // between are fewer than the 30-day window: one episode.
        assertThat(result.episodes()).filteredOn(e -> e.rule().equals("civ-30d-surge"))
                .extracting(Episode::start, Episode::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 11)));
    }
}
