package org.tabale.alerts.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tabale.alerts.cap.CapWriter;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Message;
import org.tabale.alerts.message.Messages;
import org.tabale.model.JsonSerde;

/**
 * The webhook body: Prometheus Alertmanager's webhook payload, version 4, so receivers built for
 * Alertmanager (incident tools, chat bridges) take it as is, plus our evidence under
 * {@code tabale} in each alert (receivers ignore fields they do not know).
 *
 * <p>Labels are the identity (alertname = rule, region) and what routes on it (country, admin1,
 * metric, window, severity, source, certainty); annotations hold the message in the responder's
 * language and the CAP address. {@code endsAt} is Alertmanager's zero time while firing, the
 * message time once resolved; {@code fingerprint} is the alert id.
 */
public final class AlertmanagerPayload {

    /** Alertmanager's "no end" time. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final URI publicBase;
    private final Messages messages;

    public AlertmanagerPayload(URI publicBase, Messages messages) {
        this.publicBase = publicBase;
        this.messages = messages;
    }

    /** The JSON body for a notification. */
    public ObjectNode of(Notification notification) {
        AlertNotice notice = notification.notice();
        Alert alert = notice.alert();
        boolean resolved = notice.kind() == AlertNotice.Kind.RESOLVED;
        String status = resolved ? "resolved" : "firing";
        Map<String, String> labels = labels(alert);
        Message message = messages.render(notice, notification.language());

        ObjectNode root = JsonSerde.MAPPER.createObjectNode();
        root.put("version", "4");
        root.put("groupKey", "{}:{alertname=\"" + alert.rule() + "\", region=\"" + alert.region().id() + "\"}");
        root.put("truncatedAlerts", 0);
        root.put("status", status);
        root.put("receiver", notification.responder());
        ObjectNode groupLabels = root.putObject("groupLabels");
        groupLabels.put("alertname", alert.rule());
        groupLabels.put("region", alert.region().id());
        labels.forEach(root.putObject("commonLabels")::put);
        ObjectNode annotations = root.putObject("commonAnnotations");
        annotations.put("summary", message.title());
        annotations.put("description", message.body());
        annotations.put("cap", Messages.alertUri(publicBase, alert.id()) + "/cap");
        root.put("externalURL", publicBase.toString());

        ObjectNode entry = root.putArray("alerts").addObject();
        entry.put("status", status);
        labels.forEach(entry.putObject("labels")::put);
        entry.set("annotations", annotations.deepCopy());
        entry.put("startsAt", instant(alert.raisedAt()));
        entry.put("endsAt", resolved ? instant(notice.sent()) : ZERO_TIME);
        entry.put("generatorURL", Messages.alertUri(publicBase, alert.id()).toString());
        entry.put("fingerprint", alert.id());
        entry.set("tabale", evidence(notification));
        return root;
    }

    private static ObjectNode evidence(Notification notification) {
        AlertNotice notice = notification.notice();
        Alert alert = notice.alert();
        ObjectNode tabale = JsonSerde.MAPPER.createObjectNode();
        tabale.put("notificationId", notification.id());
        tabale.put("messageId", notice.messageId());
        tabale.put("kind", notice.kind().name().toLowerCase(java.util.Locale.ROOT));
        tabale.put("sequence", notice.sequence());
        tabale.put("sent", instant(notice.sent()));
        tabale.put("alertId", alert.id());
        tabale.put("state", alert.state().name());
        tabale.put("metric", alert.metric().apiName());
        tabale.put("window", alert.window());
        tabale.put("date", alert.date().toString());
        tabale.put("value", alert.value());
        tabale.put("threshold", alert.threshold());
        if (alert.baseline() == null) {
            tabale.putNull("baseline");
        } else {
            tabale.put("baseline", alert.baseline());
        }
        alert.evidence().forEach(tabale.putArray("evidence")::add);
        ObjectNode region = tabale.putObject("region");
        region.put("id", alert.region().id());
        region.put("country", alert.region().country());
        region.put("admin1", alert.region().admin1());
        return tabale;
    }

    private static Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.rule());
        labels.put("region", alert.region().id());
        String id = alert.region().id();
        labels.put("country", id.contains(".") ? id.substring(0, id.indexOf('.')) : id);
        labels.put("admin1", alert.region().admin1());
        labels.put("metric", alert.metric().apiName());
        labels.put("window", Integer.toString(alert.window()));
        labels.put("severity", alert.severity().label());
        labels.put("source", alert.basis().label());
        labels.put("certainty", CapWriter.certainty(alert.basis()).toLowerCase(java.util.Locale.ROOT));
        return labels;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }
}
