package org.tabale.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics and waits until they can be written to: every partition of every topic has a
 * leader. Producing before that can lose the first batch (KAFKA-14359: it retries
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until the delivery timeout). Used by the app at start and
 * by tests; topics that exist already are kept as they are.
 */
public final class TopicAdmin {

    private static final long POLL_MILLIS = 50;

    private TopicAdmin() {
    }

    /**
     * Creates the topics that do not exist yet, then waits until every partition of every listed
     * topic reports a leader.
     *
     * @throws TimeoutException when that has not happened within {@code timeout}
     * @throws KafkaException when a topic cannot be created (bad replication factor, ...)
     */
    public static void ensureTopics(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> names = new TreeSet<>();
        topics.forEach(topic -> names.add(topic.name()));
        admin.createTopics(topics).values().forEach((name, created) -> {
            try {
                await(created, deadline, "creating topic " + name);
            } catch (TopicExistsException alreadyThere) {
                // Another instance or an earlier run created it: keep it.
            }
        });
        while (!allHaveLeaders(admin, names, deadline)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TimeoutException("Partitions of " + names + " still without a leader after " + timeout);
            }
            pause();
        }
    }

    private static boolean allHaveLeaders(Admin admin, Set<String> names, long deadline) {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = await(admin.describeTopics(names).allTopicNames(), deadline, "describing " + names);
        } catch (UnknownTopicOrPartitionException notYetVisible) {
            // Created on the controller, not yet in this broker's metadata.
            return false;
        }
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .map(TopicPartitionInfo::leader)
                .allMatch(leader -> leader != null && !leader.isEmpty());
    }

    /** The future's value, or its failure as an unchecked Kafka exception. */
    private static <T> T await(KafkaFuture<T> future, long deadline, String what) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("Deadline passed while " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException cause
                    ? cause
                    : new KafkaException("Failed " + what, e.getCause());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }
}
