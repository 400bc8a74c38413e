package org.tabale.alerts.notify;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.tabale.alerts.cap.CapWriter;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Message;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.route.Contact;

/**
 * Sends a notification by e-mail over SMTP (Jakarta Mail): a multipart message whose first part
 * is the plain text in the responder's language ({@code Content-Language} set), and, when a
 * {@link CapWriter} is given, the CAP document attached ({@code application/cap+xml}) for
 * systems that import it. The Message-ID is derived from the notification id, and an update
 * refers to the episode's earlier messages ({@code In-Reply-To}, {@code References}), so mail
 * readers thread an episode and a resent message keeps its id.
 *
 * <p>Outcomes: SMTP 5xx answers and refused addresses are permanent, as is a failed login;
 * 4xx answers and connection failures are retryable.
 */
public final class EmailChannel implements Channel {

    private final MailSettings settings;
    private final Messages messages;
    private final Optional<CapWriter> cap;
    private final Clock clock;
    private final Session session;

    public EmailChannel(MailSettings settings, Messages messages, Optional<CapWriter> cap, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.cap = cap;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        if (!(notification.contact() instanceof Contact.Email email)) {
            return new DeliveryResult.PermanentFailure("email channel given a " + notification.contact().channel() + " contact");
        }
        MimeMessage mail;
        try {
            mail = compose(notification, email);
        } catch (AddressException e) {
            return new DeliveryResult.PermanentFailure("bad address: " + e.getMessage());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose e-mail for " + notification.id(), e);
        }
        try {
            if (settings.username() == null) {
                Transport.send(mail);
            } else {
                Transport.send(mail, settings.username(), settings.password());
            }
            return new DeliveryResult.Delivered("SMTP " + settings.host() + " accepted " + email.address());
        } catch (AuthenticationFailedException e) {
            return new DeliveryResult.PermanentFailure("SMTP login refused by " + settings.host() + ": " + e.getMessage());
        } catch (SendFailedException e) {
            return classify(e);
        } catch (MessagingException e) {
            return new DeliveryResult.RetryableFailure("SMTP " + settings.host() + " unreachable: " + e.getMessage());
        }
    }

    /** The e-mail for a notification, as it would be sent. */
    MimeMessage compose(Notification notification, Contact.Email email) throws MessagingException {
        Language language = notification.language();
        Message message = messages.render(notification.notice(), language);
        String domain = settings.from().substring(settings.from().indexOf('@') + 1);
        MimeMessage mail = new FixedIdMessage(session, "<" + notification.id() + "@" + domain + ">");
        mail.setFrom(new InternetAddress(settings.from(), true));
        mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(email.address(), true));
        mail.setSubject(message.title(), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(clock.instant()));
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.setHeader("X-Tabale-Alert", notification.notice().alert().id());
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < notification.notice().sequence(); i++) {
            earlier.add("<" + notification.idOfMessage(i) + "@" + domain + ">");
        }
        if (!earlier.isEmpty()) {
            mail.setHeader("In-Reply-To", earlier.get(earlier.size() - 1));
            mail.setHeader("References", String.join(" ", earlier));
        }
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
        text.setContentLanguage(new String[] {language.code()});
        parts.addBodyPart(text);
        if (cap.isPresent()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setContent(cap.get().write(notification.notice(), List.of(language)), CapWriter.MEDIA_TYPE + "; charset=utf-8");
            attachment.setFileName(notification.notice().messageId() + ".cap.xml");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            parts.addBodyPart(attachment);
        }
        mail.setContent(parts);
        return mail;
    }

    private DeliveryResult classify(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            int code = next instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : next instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
            if (code >= 500) {
                return new DeliveryResult.PermanentFailure("SMTP " + code + ": " + next.getMessage().trim());
            }
            if (code >= 400) {
                return new DeliveryResult.RetryableFailure("SMTP " + code + ": " + next.getMessage().trim());
            }
        }
        Address[] invalid = e.getInvalidAddresses();
        if (invalid != null && invalid.length > 0) {
            return new DeliveryResult.PermanentFailure("address refused: " + invalid[0]);
        }
        return new DeliveryResult.RetryableFailure("SMTP send failed: " + e.getMessage());
    }

    private static Properties properties(MailSettings settings) {
        Properties props = new Properties();
        String protocol = settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.put("mail." + protocol + ".auth", Boolean.toString(settings.username() != null));
        String timeout = Long.toString(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (settings.security() == MailSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** A message whose Message-ID is ours, not one Jakarta Mail makes up on send. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
