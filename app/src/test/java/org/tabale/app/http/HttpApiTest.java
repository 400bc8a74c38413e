package org.tabale.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabale.model.JsonSerde;

/** The HTTP surface alone, over real HTTP: token checks, roles, limits, error shape. */
class HttpApiTest {

    private static final String INTEGRATOR = "integrator-token-0001";
    private static final String ADMIN = "admin-token-00000001";
    private static final String EXPIRED = "integrator-expired-01";
    private static final String REVOKED = "integrator-revoked-01";

    private HttpApi api;
    private PrometheusMeterRegistry meters;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Tokens tokens = Tokens.parse("integrator:" + INTEGRATOR + "@2026-01-01T00:00:01Z,admin:" + ADMIN + ",integrator:" + EXPIRED
                + "@2026-01-01,integrator:" + REVOKED, Tokens.digestHex(REVOKED));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(3, clock);
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        api = new HttpApi(tokens, clock, 2048, limiter, meters, () -> Map.of("http", "UP"))
                .route(HandlerType.POST, "/api/v1/echo", ApiRole.INTEGRATOR, ctx -> ctx.result("ok"))
                .route(HandlerType.GET, "/api/v1/secret", ApiRole.OFFICER, ctx -> ctx.result("secret"))
                .start(0);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws IOException {
        return JsonSerde.MAPPER.readTree(response.body()).path("error").asText();
    }

    @Test
    void shouldAnswer401WithAChallengeWithoutOrWithAnUnknownToken() throws Exception {
        HttpResponse<String> missing = call("POST", "/api/v1/echo", null, "x");
        HttpResponse<String> unknown = call("POST", "/api/v1/echo", "integrator-token-0002", "x");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(error(missing)).contains("missing bearer token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("integrator-token-0002");
    }

    @Test
    void shouldSayWhetherATokenExpiredOrWasRevokedWithoutEchoingIt() throws Exception {
        HttpResponse<String> expired = call("POST", "/api/v1/echo", EXPIRED, "x");
        HttpResponse<String> revoked = call("POST", "/api/v1/echo", REVOKED, "x");
        HttpResponse<String> malformed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/echo"))
                .header("Authorization", "Basic " + INTEGRATOR).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JsonSerde.MAPPER.readTree(expired.body())).isEqualTo(JsonSerde.MAPPER.readTree(
                "{\"error\":\"token expired\",\"detail\":{\"expiredAt\":\"2026-01-01T00:00:00Z\"}}"));
        assertThat(expired.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer error=\"invalid_token\", error_description=\"token expired\"");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(error(revoked)).isEqualTo("token revoked");
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(error(malformed)).isEqualTo("malformed Authorization header: send Authorization: Bearer TOKEN");
        assertThat(expired.body() + revoked.body() + malformed.body() + expired.headers() + revoked.headers() + malformed.headers())
                .doesNotContain(EXPIRED, REVOKED, INTEGRATOR);
        assertThat(call("POST", "/api/v1/echo", INTEGRATOR, "x").statusCode()).as("expires a second later").isEqualTo(200);
        assertThat(meters.get("tabale.http.auth.refused").tag("reason", "expired").counter().count()).isEqualTo(1);
        assertThat(meters.get("tabale.http.auth.refused").tag("reason", "revoked").counter().count()).isEqualTo(1);
        assertThat(meters.get("tabale.http.auth.refused").tag("reason", "malformed").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldListEveryRouteWithItsRoles() {
        assertThat(api.endpoints()).containsExactly(
                new HttpApi.Endpoint(HandlerType.GET, "/health", Set.of()),
                new HttpApi.Endpoint(HandlerType.GET, "/metrics", Set.of()),
                new HttpApi.Endpoint(HandlerType.POST, "/api/v1/echo", Set.of(ApiRole.INTEGRATOR)),
                new HttpApi.Endpoint(HandlerType.GET, "/api/v1/secret", Set.of(ApiRole.OFFICER)));
    }

    @Test
    void shouldAnswer403ToAnotherRoleAndLetAdminCallEverything() throws Exception {
        assertThat(call("GET", "/api/v1/secret", INTEGRATOR, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/secret", ADMIN, null).body()).isEqualTo("secret");
        assertThat(call("POST", "/api/v1/echo", ADMIN, "x").body()).isEqualTo("ok");
    }

    @Test
    void shouldAnswer413NamingTheLimitBeforeReadingTheBody() throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/echo", INTEGRATOR, "x".repeat(4096));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response)).contains("2048 bytes").contains("TABALE_MAX_BODY_BYTES");
    }

    @Test
    void shouldAnswer429WithRetryAfterBeyondTheRateLimitOfAToken() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/api/v1/echo", INTEGRATOR, "x").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = call("POST", "/api/v1/echo", INTEGRATOR, "x");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("20");
        assertThat(call("POST", "/api/v1/echo", ADMIN, "x").statusCode()).as("another token has its own bucket").isEqualTo(200);
    }

    @Test
    void shouldAnswer404AsJsonAndServeHealthWithoutToken() throws Exception {
        HttpResponse<String> missing = call("GET", "/api/v1/nothing", INTEGRATOR, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing)).contains("/api/v1/nothing");
        assertThat(call("GET", "/health", null, null).body()).contains("\"status\":\"UP\"");
    }
}
