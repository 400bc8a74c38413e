package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.ApiRole;
import org.tabale.app.http.HttpApi;
import org.tabale.app.http.Tokens;
import org.tabale.model.JsonSerde;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * Every route of a whole node (ingest, streams and alerts on a real broker) called with no token,
 * malformed headers, an unknown token, and for each role a valid, an expired and a revoked token:
 * the answers must be those of {@link #MATRIX}, whose rows must be exactly the router's routes, so
 * a new endpoint without a row fails here. The whole run's log output is captured: no token may
 * appear in it, nor in any answer.
 */
@RealKafka
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuthorizationMatrixIT {

    /**
     * Who may call what. {@code ok}: the role gets past authorization (any answer but 401 and 403:
     * 200, or the handler's own 400, 404, 415 to the probe request); {@code 403}: refused to that
     * role's valid token; {@code public}: no token needed, any Authorization header ignored. Every
     * protected route answers 401 to a missing, malformed, unknown, expired or revoked token.
     */
    private static final String MATRIX = """
            method  path                                 integrator  analyst  officer  admin
            GET     /health                              public      public   public   public
            GET     /metrics                             public      public   public   public
            POST    /api/v1/events                       ok          403      403      ok
            POST    /api/v1/events/deletions             ok          403      403      ok
            POST    /api/v1/reports                      ok          403      403      ok
            POST    /api/v1/reports/{id}/verification    403         403      ok       ok
            GET     /api/v1/stats                        403         ok       403      ok
            GET     /api/v1/stats/snapshot               403         ok       403      ok
            GET     /api/v1/regions                      403         ok       403      ok
            GET     /internal/v1/day-totals              403         ok       403      ok
            GET     /internal/v1/regions-seen            403         ok       403      ok
            GET     /internal/v1/latest-day              403         ok       403      ok
            GET     /api/v1/alerts                       403         403      ok       ok
            GET     /api/v1/alerts/feed                  403         403      ok       ok
            GET     /api/v1/alerts/{id}                  403         403      ok       ok
            GET     /api/v1/alerts/{id}/cap              403         403      ok       ok
            POST    /api/v1/alerts/{id}/ack              403         403      ok       ok
            POST    /api/v1/alerts/{id}/resolve          403         403      ok       ok
            GET     /api/v1/silences                     403         403      ok       ok
            POST    /api/v1/silences                     403         403      ok       ok
            DELETE  /api/v1/silences/{id}                403         403      ok       ok
            GET     /api/v1/notifications                403         403      ok       ok
            """;

    /** The dashboard's static files: not routes of the router, public. */
    private static final List<String> STATIC_FILES = List.of("/", "/dashboard.css", "/js/api.js", "/webjars/leaflet/1.9.4/dist/leaflet.css");

    private static final List<ApiRole> ROLES = List.of(ApiRole.INTEGRATOR, ApiRole.ANALYST, ApiRole.OFFICER, ApiRole.ADMIN);

    /** A way of presenting credentials and the answer every protected route must give it (null: the role's cell). */
    private record Credential(String name, String authorization, ApiRole role, String refusal) {
    }

    /** One call of the run and its answer. */
    private record Call(String method, String path, String expected, Credential credential, int status, String body, String challenge) {
        @Override
        public String toString() {
            return method + " " + path + " with " + credential.name() + ": expected " + expected + ", got " + status + " " + body;
        }
    }

    private static final Map<ApiRole, String> VALID = new LinkedHashMap<>();
    private static final Map<ApiRole, String> EXPIRED = new LinkedHashMap<>();
    private static final Map<ApiRole, String> REVOKED = new LinkedHashMap<>();
    private static final String UNKNOWN = "unknown-token-0000000001";
    private static final String REVOKED_NOT_CONFIGURED = "revoked-unlisted-00000001";

    private static final List<Call> calls = new ArrayList<>();
    private static List<HttpApi.Endpoint> endpoints;
    private static String log;

    @BeforeAll
    static void runTheMatrix(KafkaTestCluster kafka, @TempDir Path dataDir) {
        Instant now = Instant.now();
        List<String> spec = new ArrayList<>();
        for (ApiRole role : ROLES) {
            String label = role.label();
            VALID.put(role, label + "-valid-token-000001");
            EXPIRED.put(role, label + "-expired-token-00001");
            REVOKED.put(role, label + "-revoked-token-00001");
            // Every valid token has an expiry a day ahead, and the expired ones expired yesterday: the node's clock decides.
            spec.add(label + ":" + VALID.get(role) + "@" + now.plus(Duration.ofDays(1)));
            spec.add(label + ":" + EXPIRED.get(role) + "@" + LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
            spec.add(label + ":" + REVOKED.get(role));
        }
        String revoked = REVOKED.values().stream().map(Tokens::digestHex).collect(Collectors.joining(","))
                + "," + Tokens.digestHex(REVOKED_NOT_CONFIGURED);
        String run = kafka.uniqueName("authz");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(),
                "TABALE_HTTP_PORT", "0",
                "TABALE_STREAMS_APP_ID", run + "-streams",
                "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                "TABALE_TOKENS", String.join(",", spec),
                "TABALE_TOKENS_REVOKED", revoked);
        try (CapturedLog captured = CapturedLog.start(Map.of("org.tabale", Level.DEBUG, "io.javalin", Level.DEBUG))) {
            TabaleConfig config = TabaleConfig.fromEnv(env);
            try (TabaleNode node = TabaleNode.start(config, Service.all(), config.apiTokens().orElseThrow(), Clock.systemUTC(), null)) {
                endpoints = node.endpoints();
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://127.0.0.1:" + node.httpPort();
                for (Row row : rows()) {
                    for (Credential credential : credentials()) {
                        String expected = row.expected(credential);
                        calls.add(call(client, base, row.method(), row.path(), expected, credential));
                    }
                }
                for (String file : STATIC_FILES) {
                    for (Credential credential : credentials()) {
                        calls.add(call(client, base, "GET", file, "static", credential));
                    }
                }
            }
            log = captured.text();
        }
    }

    @AfterAll
    static void forget() {
        calls.clear();
    }

    @Test
    void shouldHaveAMatrixRowForEveryRouteOfTheRouterAndNoOther() {
        Set<String> routes = endpoints.stream().map(e -> e.method() + " " + e.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inMatrix = rows().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(routes).as("routes of the router (add a row to MATRIX for a new endpoint)").isEqualTo(inMatrix);
    }

    @Test
    void shouldGiveTheRolesOfTheMatrixToTheRouter() {
        Map<String, Set<ApiRole>> registered = endpoints.stream()
                .collect(Collectors.toMap(e -> e.method() + " " + e.path(), e -> withAdmin(e.roles())));
        Map<String, Set<ApiRole>> inMatrix = rows().stream()
                .collect(Collectors.toMap(r -> r.method() + " " + r.path(), Row::allowed));

        assertThat(registered).isEqualTo(inMatrix);
    }

    @Test
    void shouldAnswerEveryRouteAndCredentialAsTheMatrixSays() {
        List<Call> wrong = calls.stream().filter(call -> !answersAsExpected(call)).toList();

        assertThat(calls).hasSize((rows().size() + STATIC_FILES.size()) * credentials().size());
        assertThat(wrong).as("calls answered otherwise than the matrix says").isEmpty();
    }

    @Test
    void shouldKeepIntegratorsFromAlertsAndAnalystsFromIngestAndAcknowledgement() {
        assertThat(status("GET", "/api/v1/alerts", ApiRole.INTEGRATOR)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/alerts/{id}", ApiRole.INTEGRATOR)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/alerts/feed", ApiRole.INTEGRATOR)).isEqualTo(403);
        assertThat(status("POST", "/api/v1/events", ApiRole.ANALYST)).isEqualTo(403);
        assertThat(status("POST", "/api/v1/reports", ApiRole.ANALYST)).isEqualTo(403);
        assertThat(status("POST", "/api/v1/alerts/{id}/ack", ApiRole.ANALYST)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/alerts", ApiRole.OFFICER)).isEqualTo(200);
    }

    @Test
    void shouldSayWhyATokenWasRefusedWithAChallenge() {
        assertThat(calls).filteredOn(call -> call.status() == 401).isNotEmpty().allSatisfy(call -> {
            assertThat(JsonSerde.MAPPER.readTree(call.body()).path("error").asText()).as(call.toString())
                    .isEqualTo(call.credential().refusal());
            assertThat(call.challenge()).as(call.toString()).startsWith("Bearer");
        });
    }

    @Test
    void shouldNeverEchoATokenInAnAnswer() {
        assertThat(calls).allSatisfy(call -> assertThat(call.body() + call.challenge()).as(call.toString())
                .doesNotContain(everyToken()));
    }

    @Test
    void shouldNeverLogAToken() {
        assertThat(log).as("the captured log holds the run's requests (by token id)")
                .contains("GET /api/v1/alerts 200").contains("token officer#1").contains("GET /api/v1/alerts 401");
        assertThat(log).doesNotContain(everyToken());
    }

    private static boolean answersAsExpected(Call call) {
        return switch (call.expected()) {
            case "public", "ok" -> call.status() != 401 && call.status() != 403;
            case "static" -> call.status() == 200;
            case "403" -> call.status() == 403;
            case "401" -> call.status() == 401;
            default -> throw new IllegalStateException("unknown cell " + call.expected());
        };
    }

    private static int status(String method, String path, ApiRole role) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path) && c.credential().role() == role
                && c.credential().refusal() == null).findFirst().orElseThrow().status();
    }

    private static String[] everyToken() {
        List<String> tokens = new ArrayList<>(List.of(UNKNOWN, REVOKED_NOT_CONFIGURED));
        tokens.addAll(VALID.values());
        tokens.addAll(EXPIRED.values());
        tokens.addAll(REVOKED.values());
        return tokens.toArray(String[]::new);
    }

    private static Set<ApiRole> withAdmin(Set<ApiRole> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        Set<ApiRole> all = new java.util.HashSet<>(roles);
        all.add(ApiRole.ADMIN);
        return all;
    }

    /** A row of {@link #MATRIX}: method, path and one cell per role of {@link #ROLES}. */
    private record Row(String method, String path, List<String> cells) {

        String expected(Credential credential) {
            if (cells.get(0).equals("public")) {
                return "public";
            }
            return credential.refusal() != null ? "401" : cells.get(ROLES.indexOf(credential.role()));
        }

        Set<ApiRole> allowed() {
            if (cells.get(0).equals("public")) {
                return Set.of();
            }
            return ROLES.stream().filter(role -> cells.get(ROLES.indexOf(role)).equals("ok")).collect(Collectors.toSet());
        }
    }

    private static List<Row> rows() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        assertThat(header.subList(2, header.size())).isEqualTo(ROLES.stream().map(ApiRole::label).toList());
        assertThat(ROLES).as("a column for every role").containsExactlyInAnyOrder(ApiRole.values());
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(header.size());
            return new Row(cells[0], cells[1], List.of(cells).subList(2, cells.length));
        }).toList();
    }

    private static List<Credential> credentials() {
        List<Credential> credentials = new ArrayList<>(List.of(
                new Credential("no token", null, null, "missing bearer token: send Authorization: Bearer TOKEN"),
                new Credential("a valid token without a scheme", VALID.get(ApiRole.ADMIN), null,
                        "malformed Authorization header: send Authorization: Bearer TOKEN"),
                new Credential("a valid token as Basic", "Basic " + VALID.get(ApiRole.ADMIN), null,
                        "malformed Authorization header: send Authorization: Bearer TOKEN"),
                new Credential("Bearer and nothing", "Bearer", null, "malformed Authorization header: send Authorization: Bearer TOKEN"),
                new Credential("an unknown token", "Bearer " + UNKNOWN, null, "invalid bearer token"),
                new Credential("a revoked token never configured", "Bearer " + REVOKED_NOT_CONFIGURED, null, "token revoked")));
        for (ApiRole role : ROLES) {
            String label = role.label();
            credentials.add(new Credential(label + "'s valid token", "Bearer " + VALID.get(role), role, null));
            credentials.add(new Credential(label + "'s expired token", "Bearer " + EXPIRED.get(role), role, "token expired"));
            // The scheme is case-insensitive (RFC 7235): a revoked token is refused as revoked however it is written.
            credentials.add(new Credential(label + "'s revoked token", "bearer " + REVOKED.get(role), role, "token revoked"));
        }
        return credentials;
    }

    private static Call call(HttpClient client, String base, String method, String path, String expected, Credential credential) {
        String concrete = path.replace("{id}", "matrix-probe");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + concrete)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("[]"))
                .header("Content-Type", "application/json");
        if (credential.authorization() != null) {
            request.header("Authorization", credential.authorization());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Call(method, path, expected, credential, response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
