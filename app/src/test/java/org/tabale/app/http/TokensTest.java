package org.tabale.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.app.http.Tokens.Check;
import org.tabale.app.http.Tokens.Status;

/** {@code TABALE_TOKENS} with several tokens per role and expiries, {@code TABALE_TOKENS_REVOKED}, and the lookup. */
class TokensTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final String SPEC = "integrator:integrator-old-0001@2026-06-15,integrator:integrator-new-0002@2026-06-15T10:00:00.001Z,"
            + "analyst:analyst-token-00001,officer:officer-token-00001,officer:officer-revoked-001";
    private static final String REVOKED = Tokens.digestHex("officer-revoked-001") + "," + Tokens.digestHex("never-configured-01");

    @Test
    void shouldReadTheV1FormatUnchanged() {
        Tokens tokens = Tokens.parse("integrator:integrator-secret-1,admin:admin-secret-00001,");

        assertThat(tokens.check("integrator-secret-1", NOW)).isEqualTo(new Check(Status.VALID, ApiRole.INTEGRATOR, "integrator#1", null));
        assertThat(tokens.check("admin-secret-00001", NOW)).isEqualTo(new Check(Status.VALID, ApiRole.ADMIN, "admin#1", null));
        assertThat(tokens.check("integrator-secret-2", NOW)).isEqualTo(new Check(Status.UNKNOWN, null, null, null));
    }

    @Test
    void shouldRefuseATokenFromItsExpiryOnADateMeaningMidnightUtc() {
        Tokens tokens = Tokens.parse(SPEC, REVOKED);

        assertThat(tokens.check("integrator-old-0001", NOW))
                .isEqualTo(new Check(Status.EXPIRED, ApiRole.INTEGRATOR, "integrator#1", Instant.parse("2026-06-15T00:00:00Z")));
        assertThat(tokens.check("integrator-old-0001", Instant.parse("2026-06-14T23:59:59.999Z")).status()).isEqualTo(Status.VALID);
        assertThat(tokens.check("integrator-new-0002", NOW))
                .isEqualTo(new Check(Status.VALID, ApiRole.INTEGRATOR, "integrator#2", Instant.parse("2026-06-15T10:00:00.001Z")));
        assertThat(tokens.check("integrator-new-0002", NOW.plusMillis(1)).status()).as("expired from the instant on").isEqualTo(Status.EXPIRED);
    }

    @Test
    void shouldRefuseARevokedTokenWhetherStillConfiguredOrNot() {
        Tokens tokens = Tokens.parse(SPEC, REVOKED.toUpperCase(java.util.Locale.ROOT) + ",");

        assertThat(tokens.check("officer-revoked-001", NOW)).isEqualTo(new Check(Status.REVOKED, ApiRole.OFFICER, "officer#2", null));
        assertThat(tokens.check("never-configured-01", NOW)).isEqualTo(new Check(Status.REVOKED, null, null, null));
        assertThat(tokens.check("officer-token-00001", NOW)).isEqualTo(new Check(Status.VALID, ApiRole.OFFICER, "officer#1", null));
    }

    @Test
    void shouldPreferRevokedToExpired() {
        Tokens tokens = Tokens.parse("analyst:analyst-token-00001@2020-01-01", Tokens.digestHex("analyst-token-00001"));

        assertThat(tokens.check("analyst-token-00001", NOW).status()).isEqualTo(Status.REVOKED);
    }

    @Test
    void shouldGiveClientsTheFirstTokenOfARoleNeitherExpiredNorRevoked() {
        String spec = "officer:officer-revoked-001,officer:officer-token-00001@2027-01-01,"
                + "integrator:integrator-old-0001@2026-06-15,integrator:integrator-new-0002@2026-06-15T10:00:00.001Z";

        assertThat(Tokens.firstUsable(spec, REVOKED, ApiRole.INTEGRATOR, NOW)).contains("integrator-new-0002");
        assertThat(Tokens.firstUsable(spec, REVOKED, ApiRole.INTEGRATOR, NOW.minusSeconds(60 * 60 * 24))).contains("integrator-old-0001");
        assertThat(Tokens.firstUsable(spec, REVOKED, ApiRole.OFFICER, NOW)).contains("officer-token-00001");
        assertThat(Tokens.firstUsable(spec, REVOKED, ApiRole.ADMIN, NOW)).isEmpty();
    }

    @Test
    void shouldWriteDigestsAsSha256sumDoes() {
        // printf %s abc | sha256sum
        assertThat(Tokens.digestHex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldCompareEveryStoredDigestOnceWhicheverTokenIsPresented() {
        List<byte[]> visited = new ArrayList<>();
        BiPredicate<byte[], byte[]> counting = (stored, presented) -> {
            visited.add(stored);
            return MessageDigest.isEqual(stored, presented);
        };
        Tokens tokens = Tokens.parse(SPEC, REVOKED, counting);
        Map<String, Status> presented = Map.of("integrator-old-0001", Status.EXPIRED, "officer-revoked-001", Status.REVOKED,
                "analyst-token-00001", Status.VALID, "never-configured-01", Status.REVOKED, "unknown-token-00001", Status.UNKNOWN);

        Set<byte[]> everySeen = Collections.newSetFromMap(new IdentityHashMap<>());
        presented.forEach((token, status) -> {
            visited.clear();
            assertThat(tokens.check(token, NOW).status()).as(token).isEqualTo(status);
            Set<byte[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(visited);
            assertThat(visited).as("comparisons for %s", token).hasSize(7);
            assertThat(seen).as("distinct stored digests compared for %s", token).hasSize(7);
            everySeen.addAll(seen);
        });
        assertThat(everySeen).as("the same 5 configured and 2 revoked digests each time").hasSize(7);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            integrator:short-token                                   | NULL                      | entry 1: the integrator token must be at least 16 | short-token
            integrator-secret-0001:integrator                         | NULL                      | entry 1 names an unknown role:                    | integrator-secret-0001
            admin:admin-secret-00001,janitor:janitor-secret-0001      | NULL                      | entry 2 names an unknown role 'janitor'            | janitor-secret-0001
            integrator:integrator-secret-1@not-a-date-xyz-secret       | NULL                      | entry 1 (integrator): what follows '@'            | not-a-date-xyz-secret
            integrator:integrator-secret-1@2027-13-01                 | NULL                      | tokens cannot contain '@'                         | integrator-secret-1
            integrator:integrator-secret-1,analyst:integrator-secret-1 | NULL                      | entries 1 and 2 hold the same token               | integrator-secret-1
            integrator:integrator-secret-1,,analyst:analyst-secret-001 | NULL                      | entry 2 is malformed                              | analyst-secret-001
            integrator:integrator-secret-1                             | integrator-secret-1       | TABALE_TOKENS_REVOKED entry 1 is not a SHA-256 digest | integrator-secret-1
            """)
    void shouldNameTheBadEntryByItsPositionWithoutEchoingASecret(String spec, String revoked, String message, String secret) {
        assertThatThrownBy(() -> Tokens.parse(spec, revoked))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .message().doesNotContain(secret);
    }

    @Test
    void shouldGenerateAValidTokenForEveryRole() {
        Tokens tokens = Tokens.generate();

        assertThat(tokens.printable()).containsOnlyKeys(ApiRole.values());
        tokens.printable().forEach((role, token) -> {
            assertThat(tokens.check(token, NOW).role()).isEqualTo(role);
            assertThat(HexFormat.of().parseHex(Tokens.digestHex(token))).hasSize(32);
        });
    }
}
