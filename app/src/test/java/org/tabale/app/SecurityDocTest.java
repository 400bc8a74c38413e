package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.AlertsSettings;
import org.tabale.ingest.publish.RawTopicIngestor;
import org.tabale.model.Topic;
import org.tabale.model.Topics;
import org.tabale.streams.StreamsSettings;

/**
 * docs/SECURITY-KAFKA.md against the code: its ACLs name every topic of the catalog and the
 * groups, internal-topic prefix and transactional-id prefix the services use by default, so a
 * new topic or a renamed id cannot leave the page behind. (KafkaSaslScramIT shows the ACLs suffice.)
 */
class SecurityDocTest {

    private static final String PRINCIPAL = "User:tabale";

    private final List<AclBinding> acls = AclDoc.bindings();

    @Test
    void shouldLetEveryRoleCreateAndDescribeEveryCatalogTopic() {
        for (Topic<?, ?> topic : Topics.ALL) {
            assertThat(acls).as(topic.name()).contains(
                    allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.CREATE),
                    allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        assertThat(acls).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                        && acl.pattern().patternType() == PatternType.LITERAL)
                .extracting(acl -> acl.pattern().name())
                .as("literal topics are catalog topics")
                .allMatch(name -> Topics.ALL.stream().anyMatch(topic -> topic.name().equals(name)));
    }

    @Test
    void shouldNameTheDefaultGroupsAndStreamsPrefixes() {
        String streams = StreamsSettings.fromEnv(Map.of(), Path.of("data"), 8080).applicationId();
        String alerts = AlertsSettings.fromEnv(Map.of(), 8080).groupId();

        assertThat(acls).contains(
                allow(ResourceType.GROUP, streams, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.GROUP, alerts, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.GROUP, RawTopicIngestor.GROUP_ID, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, streams + "-", PatternType.PREFIXED, AclOperation.CREATE),
                allow(ResourceType.TRANSACTIONAL_ID, streams + "-", PatternType.PREFIXED, AclOperation.WRITE));
        assertThat(acls).extracting(acl -> acl.pattern().resourceType()).doesNotContain(ResourceType.CLUSTER);
    }

    @Test
    void shouldGrantOnlyAllowRulesToTheServicesAndTheIntegrator() {
        assertThat(acls).extracting(acl -> acl.entry().principal()).containsOnly(PRINCIPAL, "User:integrator");
        assertThat(acls).extracting(acl -> acl.entry().permissionType()).containsOnly(AclPermissionType.ALLOW);
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(PRINCIPAL, "*", operation, AclPermissionType.ALLOW));
    }
}
