package org.tabale.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tabale.streams.topology.Events.attack;

import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabale.model.RegionStats;

/** How much of each emission interval the emitter may spend on region stats, by what its stream thread is doing. */
class EmissionBudgetTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long INTERVAL = StatsSettings.DEFAULT.emitInterval().toMillis();

    private final MockProcessorContext<String, RegionStats> context = new MockProcessorContext<>();
    private final RegionStatsEmitter emitter = new RegionStatsEmitter(StatsSettings.DEFAULT);

    @BeforeEach
    void setUp() {
        context.setCurrentSystemTimeMs(NOW);
        store(RegionTotalsTopology.DAY_TOTALS_STORE, InternalSerdes.DAY_TOTALS);
        store(RegionTotalsTopology.REGIONS_STORE, InternalSerdes.SEEN_REGION);
        store(RegionTotalsTopology.PENDING_STORE, Serdes.String());
        store(RegionTotalsTopology.TAIL_STORE, Serdes.String());
        store(RegionTotalsTopology.DIRTY_STORE, Serdes.String());
        emitter.init(context);
    }

    @AfterEach
    void tearDown() {
        emitter.close();
    }

    private <V> void store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** Applies one change that Kafka took {@code waitedMs} before now. */
    private void apply(long waitedMs) {
        Standing.Contribution change = Standing.of(attack("MLI1", "MLI.Mopti", LocalDate.of(2019, 3, 23), 5, 100)).contribution();
        emitter.process(new Record<>("MLI.Mopti", new Delta(change, false), context.currentSystemTimeMs() - waitedMs));
    }

    @Test
    void shouldSpendAQuarterWhileChangesArriveAsTheyCome() {
        apply(2_000);

        assertThat(emitter.budgetMs(NOW + INTERVAL / 2)).isEqualTo(INTERVAL / 4);
    }

    @Test
    void shouldSpendATenthWhileCatchingUpOnABacklog() {
        apply(RegionStatsEmitter.CATCH_UP_LAG + 50_000);

        assertThat(emitter.budgetMs(NOW + INTERVAL / 2)).isEqualTo(INTERVAL / 10);
    }

    @Test
    void shouldSpendThreeQuartersOnceNothingWasAppliedForAnInterval() {
        apply(RegionStatsEmitter.CATCH_UP_LAG + 50_000);

        assertThat(emitter.budgetMs(NOW + INTERVAL)).isEqualTo(INTERVAL * 3 / 4);
    }

    @Test
    void shouldShareTheBudgetBetweenTheEmittersOfOneThread() {
        RegionStatsEmitter second = new RegionStatsEmitter(StatsSettings.DEFAULT);
        second.init(context);
        try {
            apply(2_000);

            assertThat(emitter.budgetMs(NOW + INTERVAL / 2)).isEqualTo(INTERVAL / 4 / 2);
            assertThat(second.budgetMs(NOW + INTERVAL / 2)).as("the thread applied a change, whichever task")
                    .isEqualTo(INTERVAL / 4 / 2);
        } finally {
            second.close();
        }
    }
}
