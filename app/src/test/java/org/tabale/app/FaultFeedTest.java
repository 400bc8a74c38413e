package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabale.streams.topology.StatsSettings;

/** The fault tests' feed: deterministic, with the quirks it promises, and its requests carry exactly its versions. */
class FaultFeedTest {

    private static final List<String> REGIONS = List.of("Batha", "Kanem", "Lac");

    private static FaultFeed feed() {
        return FaultFeed.generate(8, 2_000, "Chad", REGIONS, "TCD9", LocalDate.of(2018, 12, 31), 100);
    }

    @Test
    void shouldRecomputeFromItsRequestsWhatItPromises() {
        FaultFeed feed = feed();
        Recomputation fromRequests = FaultFeed.expected(feed.batches());

        assertThat(feed.regionIds()).containsExactly("TCD.Batha", "TCD.Kanem", "TCD.Lac");
        for (String region : feed.regionIds()) {
            for (LocalDate day = feed.first(); !day.isAfter(feed.last().plusDays(400)); day = day.plusDays(1)) {
                for (int window : StatsSettings.SERVED_WINDOWS) {
                    assertThat(fromRequests.window(region, day, window)).as("%s %d %s", region, window, day)
                            .containsExactly(feed.expected().window(region, day, window));
                }
            }
        }
    }

    @Test
    void shouldCarryRepeatsRevisionsAndDeletionsAndBeTheSameEveryTime() {
        FaultFeed feed = feed();

        assertThat(feed.events()).isGreaterThanOrEqualTo(2_000);
        assertThat(feed.rows()).isGreaterThan(feed.events() * 13 / 10);
        assertThat(feed.batches()).anySatisfy(b -> assertThat(b.deletions()).isTrue());
        assertThat(feed.expected().liveEvents()).isLessThan(feed.events());
        assertThat(feed.batches().stream().flatMap(b -> b.versions().stream())
                .filter(v -> v.event() != null).map(FaultFeed.Version::eventId).distinct().count()).isEqualTo(feed.events());
        assertThat(feed().batches()).isEqualTo(feed.batches());
    }
}
