package org.tabale.alerts.message;

import java.net.URI;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;

/**
 * Renders an alert message (new, update, resolved) in French or English: a title and a body for
 * e-mail and CAP, and a one-SMS text. Pure: the same notice gives the same text.
 *
 * <p>The SMS keeps, in order of importance, the kind and severity, the region, the value of the
 * window and its end date, the alert reference, the country and the usual level; it drops
 * the last ones until the text fits {@link Gsm7#SMS_SEPTETS} septets of GSM 7-bit (see
 * {@link Gsm7} for how accents are treated).
 */
public final class Messages {

    private static final int EVIDENCE_SHOWN = 10;
    private static final int SHORT_REF = 8;

    private final Optional<URI> publicBase;

    /** Messages whose body links to the alert under {@code publicBase} ({@code https://tabale.example.org}). */
    public Messages(URI publicBase) {
        this.publicBase = Optional.of(publicBase);
    }

    private Messages() {
        this.publicBase = Optional.empty();
    }

    /** Messages without links, where the service has no public address. */
    public static Messages withoutLinks() {
        return new Messages();
    }

    /** The CAP {@code <event>} text: what is happening, in a few words. */
    public String event(Alert alert, Language language) {
        return Texts.of(language).event(alert.metric());
    }

    /** Title and body of a notice in a language. */
    public Message render(AlertNotice notice, Language language) {
        Texts t = Texts.of(language);
        Alert a = notice.alert();
        String title = title(notice, language);
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add("");
        lines.add(String.format(Locale.ROOT, t.region(), a.region().admin1(), a.region().country(), a.region().id()));
        lines.add(String.format(Locale.ROOT, t.measure(), t.metric(a.metric()), a.window(),
                a.date().minusDays(a.window() - 1L), a.date()));
        String threshold = String.format(Locale.ROOT, t.threshold(), a.threshold());
        String baseline = a.baseline() == null ? t.noBaseline()
                : String.format(Locale.ROOT, t.baseline(), number(a.baseline(), language));
        lines.add(String.format(Locale.ROOT, t.value(), a.value()) + " (" + threshold + ", " + baseline + ")");
        lines.add(String.format(Locale.ROOT, t.ruleLine(), a.rule(), t.severity().get(a.severity()), t.basis().get(a.basis())));
        lines.add(String.format(Locale.ROOT, t.evidence(), evidence(a.evidence(), t)));
        if (notice.kind() == AlertNotice.Kind.RESOLVED) {
            lines.add(t.resolvedNote());
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, t.reference(), a.id(), notice.sequence(),
                DateTimeFormatter.ISO_INSTANT.format(notice.sent())));
        publicBase.ifPresent(base -> lines.add(String.format(Locale.ROOT, t.details(), alertUri(base, a.id()))));
        return new Message(title, String.join("\n", lines) + "\n");
    }

    /** The one-line title: e-mail subject and CAP headline. */
    public String title(AlertNotice notice, Language language) {
        Texts t = Texts.of(language);
        Alert a = notice.alert();
        String event = lowerFirst(t.event(a.metric()), language);
        String severity = t.severity().get(a.severity());
        String title = switch (notice.kind()) {
            case NEW -> String.format(Locale.ROOT, t.alertTitle(), severity, event, a.region().admin1(), a.region().country());
            case UPDATE -> String.format(Locale.ROOT, t.updateTitle(), severity, event, a.region().admin1(), a.region().country());
            case RESOLVED -> String.format(Locale.ROOT, t.resolvedTitle(), event, a.region().admin1(), a.region().country());
        };
        return title.substring(0, 1).toUpperCase(language.locale()) + title.substring(1);
    }

    /** The SMS text: GSM 7-bit, at most {@link Gsm7#SMS_SEPTETS} septets. */
    public String sms(AlertNotice notice, Language language) {
        Texts t = Texts.of(language);
        Alert a = notice.alert();
        String usual = a.baseline() == null || notice.kind() == AlertNotice.Kind.RESOLVED ? ""
                : String.format(Locale.ROOT, t.smsUsual(), number(a.baseline(), language));
        String ref = "." + String.format(Locale.ROOT, t.smsRef(), a.id().substring(0, Math.min(SHORT_REF, a.id().length())));
        String withCountry = a.region().admin1() + " (" + a.region().country() + ")";
        List<String> candidates = List.of(
                smsCore(notice, t, withCountry) + usual + ref,
                smsCore(notice, t, withCountry) + ref,
                smsCore(notice, t, a.region().admin1()) + ref,
                smsCore(notice, t, a.region().admin1()));
        for (String candidate : candidates) {
            String gsm = Gsm7.transliterate(candidate);
            if (Gsm7.septets(gsm) <= Gsm7.SMS_SEPTETS) {
                return gsm;
            }
        }
        return truncate(Gsm7.transliterate(candidates.get(candidates.size() - 1)));
    }

    private static String smsCore(AlertNotice notice, Texts t, String place) {
        Alert a = notice.alert();
        String severity = t.severity().get(a.severity());
        return switch (notice.kind()) {
            case NEW -> String.format(Locale.ROOT, t.smsAlert(), severity, place, a.value(), t.metric(a.metric()), a.window(), a.date());
            case UPDATE -> String.format(Locale.ROOT, t.smsUpdate(), severity, place, a.value(), t.metric(a.metric()), a.window(), a.date());
            case RESOLVED -> String.format(Locale.ROOT, t.smsResolved(), place, t.metric(a.metric()), a.window(), a.date());
        };
    }

    /** The API address of an alert under a public base. */
    public static URI alertUri(URI base, String alertId) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + "api/v1/alerts/" + alertId);
    }

    private static String evidence(List<String> ids, Texts t) {
        if (ids.isEmpty()) {
            return t.noEvidence();
        }
        String shown = String.join(", ", ids.subList(0, Math.min(EVIDENCE_SHOWN, ids.size())));
        return ids.size() <= EVIDENCE_SHOWN ? shown
                : shown + " " + String.format(Locale.ROOT, t.more(), ids.size() - EVIDENCE_SHOWN);
    }

    /** A figure with at most one decimal, in the language's notation: 4,5 in French, 4.5 in English. */
    static String number(double value, Language language) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(language.locale())).format(value);
    }

    private static String lowerFirst(String text, Language language) {
        return text.substring(0, 1).toLowerCase(language.locale()) + text.substring(1);
    }

    private static String truncate(String gsm) {
        StringBuilder out = new StringBuilder();
        int septets = 0;
        for (char c : gsm.toCharArray()) {
            int width = Gsm7.septets(String.valueOf(c));
            if (septets + width > Gsm7.SMS_SEPTETS) {
                break;
            }
            out.append(c);
            septets += width;
        }
        return out.toString();
    }
}
