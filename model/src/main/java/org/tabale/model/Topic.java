package org.tabale.model;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalog: its versioned name, the serdes of its key and value, and how it is
 * created (partitions and topic configuration).
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> config, String purpose) {

    public Topic {
        config = Map.copyOf(config);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
    }

    /** The creation request, with the given replication factor (1 on the embedded broker). */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(config);
    }
}
