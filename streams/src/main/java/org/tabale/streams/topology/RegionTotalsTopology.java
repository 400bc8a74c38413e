package org.tabale.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.tabale.model.ConflictEvent;
import org.tabale.model.JsonSerde;
import org.tabale.model.RegionDay;
import org.tabale.model.Topics;

/**
 * Events as a table → totals per (region, day) with add and subtract → windows → region stats.
 *
 * <p>In: {@code tabale.events.v1} (key event id, value {@link ConflictEvent}) and
 * {@code tabale.deletions.v1} (key event id, value {@link org.tabale.model.EventDeletion}). Out:
 * {@code tabale.region-stats.v1} (key {@code regionId@date}). Stores: {@link #EVENTS_STORE}
 * (the standing version per event id: the newest event or deletion) and {@link #DAY_TOTALS_STORE} (key {@code regionId@day}), which
 * the query layer reads. A revision subtracts the old version from its day and adds the new one;
 * a deletion subtracts it; an event of any age updates its day: there is no grace period and nothing is dropped as late.
 */
public final class RegionTotalsTopology {

    public static final String EVENTS_STORE = "events-latest";
    public static final String DAY_TOTALS_STORE = "region-day-totals";
    /** Every region id that has figures, with the names the data gave it (regions outside the gazetteer included). */
    public static final String REGIONS_STORE = "regions-seen";

    private RegionTotalsTopology() {
    }

    public static Topology build(StatsSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGIONS_STORE),
                Serdes.String(), new JsonSerde<>(SeenRegion.class)));
        JsonSerde<ConflictEvent> eventSerde = new JsonSerde<>(ConflictEvent.class);
        JsonSerde<DayTotals> daySerde = new JsonSerde<>(DayTotals.class);

        JsonSerde<EventVersion> versionSerde = new JsonSerde<>(EventVersion.class);

        KStream<String, EventVersion> events = builder
                .stream(Topics.EVENTS.name(), Consumed.with(Serdes.String(), eventSerde).withName("events-source"))
                .filter((id, event) -> event != null, Named.as("events-present"))
                .mapValues(EventVersion::of, Named.as("events-as-versions"));
        KStream<String, EventVersion> deletions = builder
                .stream(Topics.DELETIONS.name(), Consumed.with(Serdes.String(), Topics.DELETIONS.valueSerde())
                        .withName("deletions-source"))
                .filter((id, deletion) -> deletion != null, Named.as("deletions-present"))
                .mapValues(EventVersion::of, Named.as("deletions-as-versions"));

        KTable<String, ConflictEvent> live = events.merge(deletions, Named.as("versions"))
                .groupByKey(Grouped.<String, EventVersion>as("versions-by-id").withKeySerde(Serdes.String()).withValueSerde(versionSerde))
                .reduce(Versions::newer, Named.as("newest-version"),
                        Materialized.<String, EventVersion, KeyValueStore<Bytes, byte[]>>as(EVENTS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(versionSerde))
                .filter((id, version) -> version.live(), Named.as("live-versions"))
                .mapValues(EventVersion::event, Named.as("live-events"));

        live.groupBy((id, event) -> KeyValue.pair(RegionDay.key(event.regionId(), event.eventDate()), event),
                        Grouped.<String, ConflictEvent>as("events-by-region-day").withKeySerde(Serdes.String()).withValueSerde(eventSerde))
                .aggregate(() -> DayTotals.EMPTY,
                        (key, event, day) -> day.add(event),
                        (key, event, day) -> day.subtract(event),
                        Named.as("day-totals"),
                        Materialized.<String, DayTotals, KeyValueStore<Bytes, byte[]>>as(DAY_TOTALS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(daySerde))
                .toStream(Named.as("day-totals-changes"))
                .process(() -> new RegionStatsEmitter(settings), Named.as("emit-region-stats"), DAY_TOTALS_STORE, REGIONS_STORE)
                .to(Topics.REGION_STATS.name(), Produced.with(Topics.REGION_STATS.keySerde(), Topics.REGION_STATS.valueSerde())
                        .withName("region-stats-sink"));
        return builder.build();
    }
}
