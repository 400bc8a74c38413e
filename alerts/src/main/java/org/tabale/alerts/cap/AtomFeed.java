package org.tabale.alerts.cap;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;

/**
 * An Atom 1.0 feed (RFC 4287) of CAP alerts, as alert aggregators (Google Public Alerts among
 * them) poll: one entry per alert, holding its latest message, newest first. An entry's id is the
 * alert's API address, so an aggregator sees an update replace the entry; its {@code updated} is
 * when that message was sent. Each entry links to {@code /api/v1/alerts/{id}/cap}
 * ({@code rel="alternate"}, {@code application/cap+xml}) and also carries the CAP document
 * inline as its content, so a consumer needs no second request.
 */
public final class AtomFeed {

    /** The Atom namespace. */
    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    /** The media type of an Atom feed. */
    public static final String MEDIA_TYPE = "application/atom+xml";

    private final CapSettings settings;
    private final CapWriter cap;
    private final Messages messages;

    public AtomFeed(CapSettings settings, CapWriter cap, Messages messages) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The address of the feed: {@code /api/v1/alerts/feed} under the public base. */
    public URI feedUri() {
        return URI.create(Messages.alertUri(settings.publicBase(), "feed").toString());
    }

    /** The address of an alert's CAP document: {@code /api/v1/alerts/{id}/cap}. */
    public URI capUri(String alertId) {
        return URI.create(Messages.alertUri(settings.publicBase(), alertId) + "/cap");
    }

    /**
     * The feed of the given notices (the latest of each alert), entry titles in {@code language},
     * CAP documents with one {@code <info>} per language of {@code capLanguages}.
     *
     * @param updated when the feed last changed: the latest message, or now when there is none
     */
    public String write(List<AlertNotice> latest, Language language, List<Language> capLanguages, Instant updated) {
        XmlOut out = XmlOut.document();
        out.start("feed").namespace(NAMESPACE)
                .leaf("id", feedUri().toString())
                .leaf("title", language == Language.FR ? "Tabalé : alertes" : "Tabalé: alerts")
                .leaf("updated", DateTimeFormatter.ISO_INSTANT.format(updated))
                .empty("link", "rel", "self", "type", MEDIA_TYPE, "href", feedUri().toString())
                .start("author").leaf("name", settings.senderName()).end();
        latest.stream().sorted(Comparator.comparing(AlertNotice::sent).reversed())
                .forEach(notice -> entry(out, notice, language, capLanguages));
        out.end();
        return out.finish();
    }

    private void entry(XmlOut out, AlertNotice notice, Language language, List<Language> capLanguages) {
        String alertId = notice.alert().id();
        Instant published = notice.earlier().isEmpty() ? notice.sent() : notice.earlier().get(0);
        out.start("entry")
                .leaf("id", Messages.alertUri(settings.publicBase(), alertId).toString())
                .leaf("title", messages.title(notice, language))
                .leaf("published", DateTimeFormatter.ISO_INSTANT.format(published))
                .leaf("updated", DateTimeFormatter.ISO_INSTANT.format(notice.sent()))
                .empty("link", "rel", "alternate", "type", CapWriter.MEDIA_TYPE, "href", capUri(alertId).toString())
                .leaf("summary", messages.sms(notice, language))
                .start("content").attribute("type", CapWriter.MEDIA_TYPE);
        cap.writeAlert(out, notice, capLanguages);
        out.end().end();
    }
}
