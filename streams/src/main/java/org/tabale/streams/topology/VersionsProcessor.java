package org.tabale.streams.topology;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Events (and reports) as a table: keeps what stands per id in {@code events-latest}
 * ({@link Standing#newer}) and, when that changes what the id contributes, forwards the change as
 * deltas keyed by region: the old contribution retracted, the new one added. A re-send, an older
 * version or a change that leaves the figures alone forwards nothing.
 */
final class VersionsProcessor implements Processor<String, Standing, String, Delta> {

    private ProcessorContext<String, Delta> context;
    private KeyValueStore<String, Standing> standing;

    @Override
    public void init(ProcessorContext<String, Delta> context) {
        this.context = context;
        this.standing = context.getStateStore(RegionTotalsTopology.EVENTS_STORE);
    }

    @Override
    public void process(Record<String, Standing> incoming) {
        if (incoming.key() == null || incoming.value() == null) {
            return;
        }
        Standing stored = standing.get(incoming.key());
        Standing next = stored == null ? incoming.value() : Standing.newer(stored, incoming.value());
        if (next.equals(stored)) {
            return;
        }
        standing.put(incoming.key(), next);
        Standing.Contribution before = stored != null && stored.live() ? stored.contribution() : null;
        Standing.Contribution after = next.live() ? next.contribution() : null;
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            context.forward(incoming.withKey(before.regionId()).withValue(new Delta(before, true)));
        }
        if (after != null) {
            context.forward(incoming.withKey(after.regionId()).withValue(new Delta(after, false)));
        }
    }
}
