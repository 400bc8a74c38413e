package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.route.Contact;

class WebhookSignatureTest {

    /** The test vector of the Standard Webhooks specification and its reference libraries. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final byte[] key = new Contact.Webhook(URI.create("https://x.org/h"), SECRET).key();

    @Test
    void shouldSignTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign(key, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerifyAmongSeveralSignaturesAndRefuseATamperedBody() {
        assertThat(WebhookSignature.verify(key, ID, TIMESTAMP, BODY, "v1,bm90LXRoaXMtb25l " + EXPECTED)).isTrue();
        assertThat(WebhookSignature.verify(key, ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), EXPECTED))
                .isFalse();
        assertThat(WebhookSignature.verify(key, ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
    }
}
