package org.tabale.app;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tabale.model.Topic;
import org.tabale.model.Topics;
import picocli.CommandLine;

/**
 * Holds {@code docker/compose.yml} and {@code docker/Dockerfile} to the code, since no Docker engine runs them
 * here: app services run real CLI roles with keys the app reads, the brokers form one KRaft quorum, and
 * topic-init creates exactly the topic catalog.
 */
class ComposeFileTest {

    /** The repository root: Maven runs tests in the module directory, an IDE may run them at the root. */
    private static final Path ROOT = Files.isDirectory(Path.of("docker")) ? Path.of("") : Path.of("..");
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Set<String> CLUSTER_ROLES = Set.of("ingest", "streams", "alerts", "all");
    /** App-side KAFKA_* variables become client properties: the bootstrap list and security settings only. */
    private static final Pattern CLIENT_KEY = Pattern.compile("KAFKA_BOOTSTRAP_SERVERS|KAFKA_(SECURITY|SASL|SSL)_\\w+");

    private static Map<String, JsonNode> apps;
    private static Map<String, JsonNode> brokers;
    private static JsonNode topicInit;

    @BeforeAll
    static void readCompose() throws IOException {
        JsonNode services = new YAMLMapper().readTree(DOCKER.resolve("compose.yml").toFile()).path("services");
        apps = select(services, s -> s.has("build") || s.path("image").asText().startsWith("tabale"));
        brokers = select(services, s -> s.path("image").asText().startsWith("apache/kafka:")
                && s.path("environment").has("KAFKA_PROCESS_ROLES"));
        topicInit = services.path("topic-init");
    }

    @Test
    void shouldRunRealClusterRolesOfTheImageWithTwoStreamsInstances() {
        Set<String> cliRoles = new CommandLine(new Main()).getSubcommands().keySet();
        List<String> roles = apps.values().stream().map(ComposeFileTest::role).toList();

        assertThat(roles).allSatisfy(role -> assertThat(role).isIn(CLUSTER_ROLES).isIn(cliRoles));
        assertThat(roles).filteredOn("streams"::equals).hasSize(2);
        assertThat(roles).contains("ingest", "alerts");
        assertThat(apps.values()).filteredOn(s -> s.has("build"))
                .map(s -> s.path("build").path("context").asText() + " " + s.path("build").path("dockerfile").asText())
                .containsOnly(".. docker/Dockerfile");
    }

    @Test
    void shouldGiveAppServicesOnlyKeysTheAppReads() {
        apps.forEach((name, service) -> {
            Map<String, String> env = env(service);
            assertThat(env).as(name).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "TABALE_TOKENS")
                    .containsEntry("TABALE_TOPIC_REPLICATION", String.valueOf(brokers.size()));
            assertThat(env.keySet()).as(name).allMatch(TabaleConfig::isKnownKey, "TabaleConfig.isKnownKey")
                    .filteredOn(key -> key.startsWith("KAFKA_")).allMatch(key -> CLIENT_KEY.matcher(key).matches());
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")).as(name)
                    .allMatch(ComposeFileTest::isBrokerAddress, "a broker's advertised host:port");
        });
    }

    @Test
    void shouldPublishEachHttpPortAndAdvertiseStreamsInstancesByServiceName() {
        List<String> hostPorts = new ArrayList<>();
        Map<String, String> appIdByAdvertised = new HashMap<>();
        apps.forEach((name, service) -> {
            Map<String, String> env = env(service);
            String port = env.getOrDefault("TABALE_HTTP_PORT", "8080");
            assertThat(strings(service.path("ports"))).as(name).anyMatch(p -> p.endsWith(":" + port));
            service.path("ports").forEach(p -> hostPorts.add(p.asText().substring(0, p.asText().lastIndexOf(':'))));
            if (role(service).equals("streams")) {
                assertThat(env).as(name).containsEntry("TABALE_ADVERTISED_URL", name + ":" + port);
                appIdByAdvertised.put(env.get("TABALE_ADVERTISED_URL"),
                        env.getOrDefault("TABALE_STREAMS_APP_ID", "tabale-streams"));
            }
        });
        assertThat(hostPorts).doesNotHaveDuplicates();
        assertThat(appIdByAdvertised).as("distinct advertised URLs").hasSize(2);
        assertThat(Set.copyOf(appIdByAdvertised.values())).as("one Streams application id").hasSize(1);
    }

    @Test
    void shouldRunThreeCombinedKraftNodesInOneQuorum() {
        Map<String, String> nodes = new HashMap<>();
        brokers.forEach((name, broker) -> {
            assertThat(env(broker).get("KAFKA_PROCESS_ROLES").split(",")).as(name)
                    .containsExactlyInAnyOrder("broker", "controller");
            assertThat(nodes.put(env(broker).get("KAFKA_NODE_ID"), name)).as("node id of " + name).isNull();
        });
        assertThat(brokers).hasSize(3);
        assertThat(brokers.values().stream().map(b -> env(b).get("CLUSTER_ID")).distinct()).as("one CLUSTER_ID")
                .hasSize(1).doesNotContainNull();
        brokers.forEach((name, broker) -> {
            String[] voters = env(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",");
            assertThat(Arrays.stream(voters).collect(toMap(v -> v.substring(0, v.indexOf('@')),
                    v -> v.substring(v.indexOf('@') + 1, v.lastIndexOf(':'))))).as(name).isEqualTo(nodes);
        });
    }

    @Test
    void shouldCreateExactlyTheTopicsOfTheCatalog() {
        String script = String.join(" ", strings(topicInit.path("command"))).replace("\\\n", " ");
        Map<String, List<String>> created = Arrays.stream(script.split("\\S*kafka-topics\\.sh"))
                .map(call -> List.of(call.trim().split("\\s+"))).filter(words -> words.contains("--create"))
                .collect(toMap(words -> after(words, "--topic").get(0), words -> words));

        assertThat(created).containsOnlyKeys(Topics.ALL.stream().map(Topic::name).toList());
        for (Topic<?, ?> topic : Topics.ALL) {
            List<String> words = created.get(topic.name());
            Map<String, String> config = after(words, "--config").stream().map(c -> c.split("=", 2))
                    .collect(toMap(c -> c[0], c -> c[c.length - 1]));
            assertThat(words).as(topic.name()).contains("--if-not-exists");
            assertThat(after(words, "--partitions")).as(topic.name()).containsExactly(String.valueOf(topic.partitions()));
            assertThat(after(words, "--replication-factor")).as(topic.name())
                    .containsExactly(String.valueOf(brokers.size()));
            assertThat(config).as(topic.name()).isEqualTo(topic.config());
            assertThat(after(words, "--bootstrap-server").get(0).split(",")).allMatch(ComposeFileTest::isBrokerAddress);
        }
    }

    @Test
    void shouldBuildAnImageThatRunsTheShadedJarAsNonRoot() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY\\s+app/target/tabale\\.jar\\s+(\\S+)$").matcher(dockerfile);

        assertThat(Files.readString(ROOT.resolve("app/pom.xml"))).contains("<finalName>tabale</finalName>");
        assertThat(copy.find()).as("COPY app/target/tabale.jar").isTrue();
        assertThat(dockerfile)
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"-jar\", \"" + Pattern.quote(copy.group(1)) + "\"]$")
                .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+$")
                .containsPattern("\\bTABALE_DATA_DIR=/var/lib/tabale\\b");
        Matcher env = Pattern.compile("\\b(TABALE_\\w+)=").matcher(dockerfile);
        while (env.find()) {
            assertThat(TabaleConfig.isKnownKey(env.group(1))).as(env.group(1)).isTrue();
        }
    }

    private static boolean isBrokerAddress(String hostPort) {
        JsonNode broker = brokers.get(hostPort.substring(0, Math.max(0, hostPort.lastIndexOf(':'))));
        return broker != null && Arrays.stream(env(broker).get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .anyMatch(listener -> listener.endsWith("://" + hostPort));
    }

    /** The word after each occurrence of {@code option}. */
    private static List<String> after(List<String> words, String option) {
        return IntStream.range(0, words.size() - 1).filter(i -> words.get(i).equals(option))
                .mapToObj(i -> words.get(i + 1)).toList();
    }

    private static Map<String, JsonNode> select(JsonNode services, Predicate<JsonNode> which) {
        return services.properties().stream().filter(e -> which.test(e.getValue()))
                .collect(toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, String> env(JsonNode service) {
        return service.path("environment").properties().stream()
                .collect(toMap(Map.Entry::getKey, e -> e.getValue().isNull() ? "" : e.getValue().asText()));
    }

    /** The first word of the command, in either compose form (a string or a list). */
    private static String role(JsonNode service) {
        List<String> command = strings(service.path("command"));
        return command.isEmpty() ? "" : command.get(0).trim().split("\\s+")[0];
    }

    private static List<String> strings(JsonNode stringOrList) {
        List<String> strings = new ArrayList<>();
        (stringOrList.isArray() ? stringOrList : List.of(stringOrList)).forEach(n -> strings.add(n.asText()));
        return strings.stream().filter(text -> !text.isEmpty()).toList();
    }
}
