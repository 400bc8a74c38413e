package org.tabale.alerts.cap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Message;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Boundaries;
import org.tabale.model.Gazetteer;

/**
 * Writes an alert message as a CAP 1.2 document (OASIS, = ITU-T X.1303), one {@code <info>} per
 * language, valid against the OASIS schema.
 *
 * <ul>
 *   <li>{@code identifier} is the notice's message id ({@code <alert id>.<sequence>}): the same
 *       message always gets the same identifier, and {@code incidents} carries the alert id so
 *       consumers group an episode.</li>
 *   <li>{@code msgType} is Alert for the first message, Update for the next ones, each with
 *       {@code references} to all the episode's earlier messages; a resolution is an Update with
 *       responseType AllClear and urgency Past (Cancel would mean the earlier messages were wrong).</li>
 *   <li>{@code category} Security; {@code severity} from the rule (minor..extreme map one to one
 *       onto CAP's Minor..Extreme); {@code certainty} Observed for vetted event data, Likely for
 *       verified and Possible for unverified community reports; {@code urgency} Immediate for
 *       windows of a week or less, Expected for longer (monthly) windows.</li>
 *   <li>{@code headline} and {@code description} are the messages of {@link Messages}, with the
 *       evidence; the figures also come as {@code parameter}s for machines.</li>
 *   <li>{@code area}: see {@link CapArea}.</li>
 * </ul>
 */
public final class CapWriter {

    /** The CAP 1.2 namespace. */
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    /** The media type of a CAP document. */
    public static final String MEDIA_TYPE = "application/cap+xml";

    /** CAP's time format: seconds and an explicit offset, never {@code Z}. */
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final int LONG_WINDOW_DAYS = 7;

    private final CapSettings settings;
    private final Messages messages;
    private final Gazetteer gazetteer;
    private final Boundaries boundaries;

    public CapWriter(CapSettings settings, Messages messages, Gazetteer gazetteer, Boundaries boundaries) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    /** The CAP document of a notice, with one {@code <info>} per language, in the order given. */
    public String write(AlertNotice notice, List<Language> languages) {
        XmlOut out = XmlOut.document();
        writeAlert(out, notice, languages);
        return out.finish();
    }

    /** The CAP {@code <identifier>} of a notice. */
    public static String identifier(AlertNotice notice) {
        return notice.messageId();
    }

    /** The {@code references} value of a notice: {@code sender,identifier,sent} of each earlier message. */
    public String references(AlertNotice notice) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < notice.earlier().size(); i++) {
            refs.add(settings.sender() + "," + notice.messageId(i) + "," + time(notice.earlier().get(i)));
        }
        return String.join(" ", refs);
    }

    /** CAP's time format for an instant, in UTC: {@code 2019-03-24T06:00:00+00:00}. */
    public static String time(Instant instant) {
        return SENT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** CAP severity of a rule severity. */
    public static String severity(Severity severity) {
        return switch (severity) {
            case MINOR -> "Minor";
            case MODERATE -> "Moderate";
            case SEVERE -> "Severe";
            case EXTREME -> "Extreme";
        };
    }

    /** CAP certainty of what an alert's figures come from. */
    public static String certainty(Alert.Basis basis) {
        return switch (basis) {
            case EVENT_DATA -> "Observed";
            case VERIFIED_REPORTS -> "Likely";
            case UNVERIFIED_REPORTS -> "Possible";
        };
    }

    void writeAlert(XmlOut out, AlertNotice notice, List<Language> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a CAP alert needs at least one language");
        }
        out.start("alert").namespace(NAMESPACE)
                .leaf("identifier", identifier(notice))
                .leaf("sender", settings.sender())
                .leaf("sent", time(notice.sent()))
                .leaf("status", settings.status().name())
                .leaf("msgType", notice.kind() == AlertNotice.Kind.NEW ? "Alert" : "Update")
                .leaf("scope", "Public");
        if (!notice.earlier().isEmpty()) {
            out.leaf("references", references(notice));
        }
        out.leaf("incidents", notice.alert().id());
        CapArea area = CapArea.of(notice.alert().region(), gazetteer, boundaries, settings.maxPolygons(), settings.maxPoints());
        for (Language language : languages) {
            writeInfo(out, notice, language, area);
        }
        out.end();
    }

    private void writeInfo(XmlOut out, AlertNotice notice, Language language, CapArea area) {
        Alert alert = notice.alert();
        boolean resolved = notice.kind() == AlertNotice.Kind.RESOLVED;
        Message message = messages.render(notice, language);
        out.start("info")
                .leaf("language", language.capTag())
                .leaf("category", "Security")
                .leaf("event", messages.event(alert, language))
                .leaf("responseType", resolved ? "AllClear" : "Monitor")
                .leaf("urgency", resolved ? "Past" : alert.window() <= LONG_WINDOW_DAYS ? "Immediate" : "Expected")
                .leaf("severity", severity(alert.severity()))
                .leaf("certainty", certainty(alert.basis()))
                .leaf("senderName", settings.senderName())
                .leaf("headline", message.title())
                .leaf("description", message.body())
                .leaf("web", Messages.alertUri(settings.publicBase(), alert.id()).toString());
        parameter(out, "tabale:rule", alert.rule());
        parameter(out, "tabale:metric", alert.metric().apiName());
        parameter(out, "tabale:window", Integer.toString(alert.window()));
        parameter(out, "tabale:windowEnd", alert.date().toString());
        parameter(out, "tabale:value", Long.toString(alert.value()));
        parameter(out, "tabale:threshold", Long.toString(alert.threshold()));
        if (alert.baseline() != null) {
            parameter(out, "tabale:baseline", alert.baseline().toString());
        }
        if (!alert.evidence().isEmpty()) {
            parameter(out, "tabale:evidence", String.join(" ", alert.evidence()));
        }
        out.start("area").leaf("areaDesc", area.description());
        area.polygons().forEach(polygon -> out.leaf("polygon", polygon));
        area.geocodes().forEach(g -> out.start("geocode").leaf("valueName", g.valueName()).leaf("value", g.value()).end());
        out.end();
        out.end();
    }

    private static void parameter(XmlOut out, String name, String value) {
        out.start("parameter").leaf("valueName", name).leaf("value", value).end();
    }
}
