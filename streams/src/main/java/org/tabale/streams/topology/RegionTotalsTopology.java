package org.tabale.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Topics;

/**
 * Events as a table → deltas per (region, day), keyed by region → totals per (region, day) with add
 * and subtract → windows and baselines → region stats.
 *
 * <p>In: {@code tabale.events.v1} (key event id, value {@link ConflictEvent}),
 * {@code tabale.deletions.v1} (key event id, value {@link org.tabale.model.EventDeletion}),
 * {@code tabale.reports.v1} and {@code tabale.report-verifications.v1} (key report id). Out:
 * {@code tabale.region-stats.v1} (key {@code regionId@date}). Stores: {@link #EVENTS_STORE} (what
 * stands per id: the newest event or deletion, or a report with its latest verification),
 * {@link #DAY_TOTALS_STORE} (key {@code regionId@day}; every day of a region in the task of its
 * region), which the query layer reads,
 * {@link #REGIONS_STORE}, and {@link #PENDING_STORE}, {@link #TAIL_STORE} and {@link #DIRTY_STORE},
 * what waits to be emitted. A revision subtracts the old version from its day and adds the new one; a
 * deletion subtracts it; an event of any age updates its day: there is no grace period and nothing
 * is dropped as late.
 *
 * <p>The stores, their changelogs and the repartition topic hold compact binary values
 * ({@link InternalSerdes}); only the public topics carry JSON.
 */
public final class RegionTotalsTopology {

    public static final String EVENTS_STORE = "events-latest";
    public static final String DAY_TOTALS_STORE = "region-day-totals";
    /** Every region id that has figures, with the names the data gave it (regions outside the gazetteer included). */
    public static final String REGIONS_STORE = "regions-seen";
    /** Window ends whose figures changed and are not emitted yet (key {@code regionId@date}). */
    public static final String PENDING_STORE = "stats-pending";
    /** Window ends after a region's latest data, waiting for the region to go quiet (key {@code regionId@date}). */
    public static final String TAIL_STORE = "stats-tail";
    /** Per region: the earliest changed day, the earliest waiting end, and when it last changed (key region id). */
    public static final String DIRTY_STORE = "stats-dirty";

    private RegionTotalsTopology() {
    }

    public static Topology build(StatsSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EVENTS_STORE),
                Serdes.String(), InternalSerdes.STANDING));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAY_TOTALS_STORE),
                Serdes.String(), InternalSerdes.DAY_TOTALS));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGIONS_STORE),
                Serdes.String(), InternalSerdes.SEEN_REGION));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TAIL_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIRTY_STORE),
                Serdes.String(), Serdes.String()));

        KStream<String, Standing> events = builder
                .stream(Topics.EVENTS.name(), Consumed.with(Serdes.String(), Topics.EVENTS.valueSerde()).withName("events-source"))
                .filter((id, event) -> event != null, Named.as("events-present"))
                .mapValues(Standing::of, Named.as("events-as-versions"));
        KStream<String, Standing> deletions = builder
                .stream(Topics.DELETIONS.name(), Consumed.with(Serdes.String(), Topics.DELETIONS.valueSerde())
                        .withName("deletions-source"))
                .filter((id, deletion) -> deletion != null, Named.as("deletions-present"))
                .mapValues(Standing::of, Named.as("deletions-as-versions"));
        KStream<String, Standing> reports = builder
                .stream(Topics.REPORTS.name(), Consumed.with(Serdes.String(), Topics.REPORTS.valueSerde())
                        .withName("reports-source"))
                .filter((id, report) -> report != null, Named.as("reports-present"))
                .mapValues(Standing::of, Named.as("reports-as-versions"));
        KStream<String, Standing> verifications = builder
                .stream(Topics.REPORT_VERIFICATIONS.name(), Consumed.with(Serdes.String(),
                        Topics.REPORT_VERIFICATIONS.valueSerde()).withName("verifications-source"))
                .filter((id, verification) -> verification != null, Named.as("verifications-present"))
                .mapValues(Standing::of, Named.as("verifications-as-versions"));

        events.merge(deletions, Named.as("event-versions"))
                .merge(reports, Named.as("event-and-report-versions"))
                .merge(verifications, Named.as("versions"))
                .process(VersionsProcessor::new, Named.as("newest-version"), EVENTS_STORE)
                .repartition(Repartitioned.<String, Delta>as("deltas-by-region")
                        .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.DELTA))
                .process(() -> new RegionStatsEmitter(settings), Named.as("emit-region-stats"),
                        DAY_TOTALS_STORE, REGIONS_STORE, PENDING_STORE, TAIL_STORE, DIRTY_STORE)
                .to(Topics.REGION_STATS.name(), Produced.with(Topics.REGION_STATS.keySerde(), Topics.REGION_STATS.valueSerde())
                        .withName("region-stats-sink"));
        return builder.build();
    }
}
