package org.tabale.testkit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real Kafka broker: its constructors, lifecycle methods and tests
 * may declare a {@link KafkaTestCluster} parameter. One broker serves every such class of the JVM
 * (see {@link RealKafkaExtension}), so each test should work on its own topics and application
 * ids, from {@link KafkaTestCluster#uniqueName(String)}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Documented
@ExtendWith(RealKafkaExtension.class)
public @interface RealKafka {
}
