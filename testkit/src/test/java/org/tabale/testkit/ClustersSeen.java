package org.tabale.testkit;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The clusters handed to the test classes of this JVM: one, if the broker is shared. */
final class ClustersSeen {

    private static final Set<KafkaTestCluster> SEEN = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    private ClustersSeen() {
    }

    /** Records {@code cluster} and answers every cluster recorded so far. */
    static Set<KafkaTestCluster> add(KafkaTestCluster cluster) {
        SEEN.add(cluster);
        return Set.copyOf(SEEN);
    }
}
