package org.tabale.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tabale.app.demo.SyntheticAcled;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.RowMapper;
import org.tabale.ingest.parse.RowOutcome;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Gazetteer;

class GlobalAcledTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final int ROWS = 40_000;
    private static final List<GlobalAcled.Row> SEVEN = generate(7);

    private static List<GlobalAcled.Row> generate(long seed) {
        List<GlobalAcled.Row> rows = new ArrayList<>();
        GlobalAcled.generate(seed, ROWS, GAZETTEER, rows::add);
        return rows;
    }

    @Test
    void shouldGenerateTheSameRowsForTheSameSeedAndOthersForAnother() {
        assertThat(generate(7)).isEqualTo(SEVEN);
        assertThat(generate(8).get(0)).isNotEqualTo(SEVEN.get(0));
    }

    @Test
    void shouldEmitExactlyTheRowsAskedForInPublicationOrder() {
        List<GlobalAcled.Row> rows = SEVEN;

        assertThat(rows).hasSize(ROWS);
        assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(GlobalAcled.Row::published));
    }

    @Test
    void shouldRepeatRevertAndDeleteInTheSharesOfTheIssue() {
        Map<GlobalAcled.Kind, Integer> kinds = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (GlobalAcled.Row row : SEVEN) {
            kinds.merge(row.kind(), 1, Integer::sum);
            ids.add(row.eventId());
        }
        double events = ids.size();

        assertThat(kinds.get(GlobalAcled.Kind.DUPLICATE) / events).isBetween(0.37, 0.43);
        assertThat(kinds.get(GlobalAcled.Kind.REVISION) / events).isBetween(0.04, 0.06);
        assertThat(kinds.get(GlobalAcled.Kind.DELETION) / events).isBetween(0.006, 0.014);
    }

    @Test
    void shouldWriteRowsIngestAcceptsInManyRegionsWithAFewCarryingMostEvents() {
        StringBuilder csv = new StringBuilder(SyntheticAcled.HEADER).append('\n');
        SEVEN.stream().filter(row -> row.kind() != GlobalAcled.Kind.DELETION)
                .forEach(row -> csv.append(row.csv()).append('\n'));
        RowMapper mapper = Feed.ACLED.mapper(GAZETTEER);
        Map<String, Integer> perRegion = new HashMap<>();
        Set<String> countries = new HashSet<>();
        List<FeedRow> rows = CsvFeedReader.read(csv.toString(), Feed.ACLED.requiredColumns());
        for (FeedRow row : rows) {
            RowOutcome outcome = mapper.map(row);
            assertThat(outcome).as(row.original()).isInstanceOf(RowOutcome.Accepted.class);
            ConflictEvent event = ((RowOutcome.Accepted) outcome).event();
            assertThat(GAZETTEER.country(event.regionId().substring(0, 3))).as(event.regionId()).isPresent();
            perRegion.merge(event.regionId(), 1, Integer::sum);
            countries.add(event.country());
        }

        assertThat(perRegion.size()).as("regions with events").isGreaterThan(2_000);
        assertThat(countries).hasSize(GlobalAcled.COUNTRIES);
        List<Integer> counts = perRegion.values().stream().sorted(Comparator.reverseOrder()).toList();
        int topTenth = counts.subList(0, GlobalAcled.regions() / 10).stream().mapToInt(Integer::intValue).sum();
        assertThat(topTenth / (double) rows.size()).as("share of the busiest 10%% of regions").isGreaterThan(0.6);
    }
}
