package org.tabale.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.rules.Severity;

class RespondersTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String VALID = """
            responders:
              - name: mopti-ewo
                regions: [MLI.Mopti, Mali/Ségou]
                minSeverity: moderate
                language: fr
                channels:
                  webhook: {url: "https://ops.example.org/hook", secret: "%s"}
                  email: officer@example.org
                  sms: "+22370000000"
              - name: desk
                regions: ["*", BFA]
                language: EN
                tier: 2
                channels:
                  email: desk@example.org
            """.formatted(SECRET);

    @Test
    void shouldReadRespondersWithCanonicalRegionsAndDefaults() {
        List<Responder> responders = Responders.parse(VALID, "test.yml");

        assertThat(responders).containsExactly(
                new Responder("mopti-ewo", List.of(new RegionSelector("MLI.Mopti"), new RegionSelector("MLI.Segou")),
                        Severity.MODERATE, Language.FR,
                        new Responder.Channels(new Contact.Webhook(URI.create("https://ops.example.org/hook"), SECRET),
                                new Contact.Email("officer@example.org"), new Contact.Sms("+22370000000")), 1),
                new Responder("desk", List.of(RegionSelector.ALL, new RegionSelector("BFA")), Severity.MINOR, Language.EN,
                        new Responder.Channels(null, new Contact.Email("desk@example.org"), null), 2));
    }

    @Test
    void shouldReadTheShippedExample() {
        List<Responder> responders = Responders.bundledExample();

        assertThat(responders).extracting(Responder::name)
                .containsExactly("mopti-ewo", "north-mali-ewo", "mali-situation-room", "sahel-analysts");
        assertThat(responders).extracting(Responder::tier).containsExactly(1, 1, 2, 3);
        assertThat(responders.get(1).regions()).contains(new RegionSelector("MLI.Menaka"), new RegionSelector("MLI.Tombouctou"));
    }

    /** Each row breaks one line of a valid file; the error must name the line and the field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown region      | regions: [MLI.Atlantis]                 | line 3, responders[0].regions[0]: region 'MLI.Atlantis' is not in the gazetteer",
            "unknown country     | regions: [XXX]                          | line 3, responders[0].regions[0]: region 'XXX' is no ISO 3166 alpha-3",
            "bad severity        | minSeverity: urgent                     | line 4, responders[0].minSeverity: severity must be minor, moderate, severe or extreme",
            "bad language        | language: bm                            | line 5, responders[0].language: language must be one of fr, en",
            "bad sms             | sms: '0022370'                          | line 9, responders[0].channels.sms: sms must be a number in E.164 form",
            "bad email           | email: officer                          | line 8, responders[0].channels.email: email must be an address",
            "typo in a field     | emial: officer@example.org              | line 8, responders[0].channels.emial: ",
            "non-http webhook    | webhook: {url: 'ftp://x.org/h', secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw} | line 7, responders[0].channels.webhook: webhook url must be an absolute http(s) URL",
            "short secret        | webhook: {url: 'https://x.org/h', secret: whsec_c2hvcnQ=} | line 7, responders[0].channels.webhook: webhook secret must hold 24 to 64 bytes, holds 5",
            "secret without whsec| webhook: {url: 'https://x.org/h', secret: MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw} | line 7, responders[0].channels.webhook: webhook secret must start with 'whsec_'",
    })
    void shouldNameTheLineAndFieldOfAnError(String what, String brokenLine, String expected) {
        String yaml = VALID.lines().map(line -> replaceSameKey(line, brokenLine)).reduce("", (a, b) -> a + b + "\n");

        assertThatThrownBy(() -> Responders.parse(yaml, "test.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.yml " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no channel   | responders: [{name: a, regions: [MLI], language: fr, channels: {}}]                                         | channels must name at least one of webhook, email, sms",
            "no regions   | responders: [{name: a, regions: [], language: fr, channels: {email: a@b.org}}]                              | regions must list at least one",
            "no language  | responders: [{name: a, regions: [MLI], channels: {email: a@b.org}}]                                         | language is required",
            "tier zero    | responders: [{name: a, regions: [MLI], language: fr, tier: 0, channels: {email: a@b.org}}]                  | tier must be 1 or more, was 0",
            "empty        | responders: []                                                                                              | 'responders' must list at least one responder",
            "twice a name | responders: [{name: a, regions: [MLI], language: fr, channels: {email: a@b.org}}, {name: a, regions: [BFA], language: fr, channels: {email: a@b.org}}] | responder name 'a' is used twice",
    })
    void shouldRefuseAnIncompleteResponder(String what, String yaml, String expected) {
        assertThatThrownBy(() -> Responders.parse(yaml, "r.yml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("r.yml").hasMessageContaining(expected);
    }

    @Test
    void shouldNeverPrintAWebhookSecret() {
        assertThat(new Contact.Webhook(URI.create("https://x.org/h"), SECRET).toString()).doesNotContain(SECRET.substring(6));
    }

    /** The line of VALID whose key the broken line sets, replaced (indentation kept). */
    private static String replaceSameKey(String line, String broken) {
        String key = broken.substring(0, broken.indexOf(':'));
        String trimmed = line.trim();
        boolean sameKey = trimmed.startsWith(key + ":") || key.equals("emial") && trimmed.startsWith("email:");
        if (!sameKey || line.contains("desk")) {
            return line;
        }
        return line.substring(0, line.indexOf(trimmed)) + broken;
    }
}
