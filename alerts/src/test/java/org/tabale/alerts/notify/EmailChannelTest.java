package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tabale.alerts.cap.CapSchema;
import org.tabale.alerts.cap.CapSettings;
import org.tabale.alerts.cap.CapWriter;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.support.Alerts;
import org.tabale.model.Boundaries;
import org.tabale.model.Gazetteer;

/** E-mail through a real SMTP server (GreenMail) on a free port. */
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tabale", "s3cret"));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-24T06:00:05Z"), ZoneOffset.UTC);
    private static final URI BASE = URI.create("https://tabale.example.org");
    private static final Messages MESSAGES = new Messages(BASE);
    private static final CapWriter CAP = new CapWriter(CapSettings.actual("tabale@example.org", "Tabalé", BASE), MESSAGES,
            Gazetteer.bundled(), Boundaries.bundled(Gazetteer.bundled()));

    private static EmailChannel channel(int port, String password) {
        return new EmailChannel(new MailSettings("127.0.0.1", port, "alertes@tabale.example.org", "tabale", password,
                MailSettings.Security.NONE, Duration.ofSeconds(5)), MESSAGES, Optional.of(CAP), CLOCK);
    }

    private static Notification email(AlertNotice notice, Language language) {
        Responder responder = new Responder("mopti-ewo", List.of(RegionSelector.parse("MLI.Mopti")), null, language,
                new Responder.Channels(null, new Contact.Email("officier@mopti.example.org"), null), 1);
        return Notification.of(notice, responder).get(0);
    }

    @Test
    void shouldDeliverTheAlertInFrenchWithItsCapAttached() throws Exception {
        Notification notification = email(Alerts.first(Alerts.mopti()), Language.FR);

        DeliveryResult result = channel(SMTP.getSmtp().getPort(), "s3cret").deliver(notification);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Alerte sévère : hausse des civils tués à Mopti (Mali)");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alertes@tabale.example.org");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("officier@mopti.example.org");
        assertThat(mail.getMessageID()).isEqualTo("<" + notification.id() + "@tabale.example.org>");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getHeader("References")).isNull();

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part text = parts.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(text.getHeader("Content-Language")).containsExactly("fr");
        // SMTP carries lines ending in CRLF.
        assertThat(text.getContent().toString().replace("\r\n", "\n")).isEqualTo(MESSAGES.render(notification.notice(), Language.FR).body());
        Part cap = parts.getBodyPart(1);
        assertThat(cap.isMimeType("application/cap+xml")).isTrue();
        assertThat(cap.getFileName()).isEqualTo("0123456789abcdef.0.cap.xml");
        String capXml = new String(cap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        CapSchema.validate(capXml);
        assertThat(capXml).contains("<language>fr-FR</language>").doesNotContain("en-US");
    }

    @Test
    void shouldThreadAnEnglishUpdateUnderTheFirstMessage() throws Exception {
        Notification first = email(Alerts.first(Alerts.mopti()), Language.EN);
        Notification update = email(Alerts.update(Alerts.mopti()), Language.EN);

        assertThat(channel(SMTP.getSmtp().getPort(), "s3cret").deliver(update)).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Update, severe alert: surge in civilians killed in Mopti (Mali)");
        String firstId = "<" + first.id() + "@tabale.example.org>";
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(firstId);
        assertThat(mail.getHeader("References", null)).isEqualTo(firstId);
        assertThat(((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString())
                .contains("Value: 157 (threshold 10, usual 4.5)");
    }

    @Test
    void shouldGiveUpOnARefusedLogin() {
        DeliveryResult result = channel(SMTP.getSmtp().getPort(), "wrong").deliver(email(Alerts.first(Alerts.mopti()), Language.FR));

        assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldRetryWhenTheServerIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        DeliveryResult result = channel(closedPort, "s3cret").deliver(email(Alerts.first(Alerts.mopti()), Language.FR));

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    }

    @Test
    void shouldRefuseAContactOfAnotherChannel() {
        Notification sms = new Notification("x", Alerts.first(Alerts.mopti()), "r", Language.FR, new Contact.Sms("+22370000001"));

        assertThat(channel(SMTP.getSmtp().getPort(), "s3cret").deliver(sms)).isInstanceOf(DeliveryResult.PermanentFailure.class);
    }
}
