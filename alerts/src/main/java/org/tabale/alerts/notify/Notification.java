package org.tabale.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.Responder;

/**
 * One message of an alert episode for one responder on one channel: what an outbox stores and a
 * {@link Channel} delivers.
 *
 * @param id        stable for (message, responder, channel): {@code 0123456789abcdef.1-5c1a9e0b37d2}. It is
 *                  the webhook-id, the e-mail Message-ID and the SMS gateway's reference, so a
 *                  retry, a restart or a replay sends the same id and receivers drop repeats
 * @param notice    the message about the alert
 * @param responder the responder's name
 * @param language  the responder's language
 * @param contact   where to deliver it
 */
public record Notification(String id, AlertNotice notice, String responder, Language language, Contact contact) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contact, "contact");
    }

    /** One notification per channel of a responder, webhook first, then e-mail, then SMS. */
    public static List<Notification> of(AlertNotice notice, Responder responder) {
        return responder.channels().contacts().stream()
                .map(contact -> new Notification(idOf(notice.messageId(), responder.name(), contact.channel()), notice,
                        responder.name(), responder.language(), contact))
                .toList();
    }

    /** The notification id of a message (an {@link AlertNotice#messageId}) for a responder on a channel. */
    public static String idOf(String messageId, String responder, String channel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((responder + "\n" + channel).getBytes(StandardCharsets.UTF_8));
            return messageId + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of message {@code sequence} of the same episode for the same responder and channel. */
    public String idOfMessage(int sequence) {
        return idOf(notice.messageId(sequence), responder, contact.channel());
    }
}
