package org.tabale.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker as a {@link KafkaTestCluster} parameter (use it through
 * {@link RealKafka}). The broker starts once per JVM, before the first class that needs it, and
 * lives in JUnit's root store, which closes it when the run ends: a Testcontainers
 * {@code apache/kafka} container when a Docker engine answers, the in-process KRaft broker of
 * module {@code broker} otherwise.
 */
public final class RealKafkaExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKafkaExtension.class);

    /** Starts the broker here, so that its start-up does not count against a test's timeout. */
    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static KafkaTestCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedKafkaCluster.class, key -> BrokerLauncher.launch(), SharedKafkaCluster.class);
    }
}
