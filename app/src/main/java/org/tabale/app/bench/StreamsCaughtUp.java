package org.tabale.app.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer-group lag of a Kafka Streams application: for every partition of its source
 * topics and of its own repartition topics, the committed end (read_committed) minus the
 * offset the application committed. Zero means every record written so far has been processed
 * and its results committed, the store updates of the sub-topologies behind the repartition
 * topics included.
 */
final class StreamsCaughtUp {

    private final Admin admin;
    private final String applicationId;
    private final List<String> sourceTopics;

    StreamsCaughtUp(Admin admin, String applicationId, List<String> sourceTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.sourceTopics = List.copyOf(sourceTopics);
    }

    /** Records not yet processed and committed, over every input of the application. */
    long lag() throws ExecutionException, InterruptedException {
        return progress()[0];
    }

    /** {records not yet processed and committed, committed end offsets summed} over every input. */
    long[] progress() throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get().stream()
                .filter(name -> sourceTopics.contains(name)
                        || name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
            total += end.getValue();
        }
        return new long[] {lag, total};
    }
}
