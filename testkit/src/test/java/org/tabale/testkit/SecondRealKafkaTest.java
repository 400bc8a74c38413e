package org.tabale.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A second class on the same broker: whichever of the two runs last sees the other's cluster. */
@RealKafka
class SecondRealKafkaTest {

    @Test
    void shouldShareOneClusterAcrossTestClasses(KafkaTestCluster cluster) {
        assertThat(ClustersSeen.add(cluster)).containsExactly(cluster);
    }
}
