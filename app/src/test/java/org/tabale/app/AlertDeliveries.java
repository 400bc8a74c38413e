package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that the webhook receiver got every message the app says it sent about the alerts of some
 * regions, each under exactly one {@code webhook-id}, nothing else about those regions, and that no
 * delivery of theirs is pending or failed. What it counts goes into RELIABILITY.md.
 *
 * @param alerts       alerts of the regions the app pushed (at least one message sent)
 * @param messages     messages the app sent about them (every {@code episode.sent} entry)
 * @param webhookIds   distinct {@code webhook-id}s the receiver took for them
 * @param redeliveries requests the receiver took again under a {@code webhook-id} it had already
 *                     taken (a delivery done but not yet recorded when the app died): a receiver
 *                     that drops repeats by {@code webhook-id} pages once
 */
record AlertDeliveries(int alerts, int messages, int webhookIds, int redeliveries) {

    /** Fails unless each message about {@code regions} arrived once by {@code webhook-id}, and none is pending or failed. */
    static AlertDeliveries assertEachOnce(Http http, String officer, WebhookReceiver receiver, Collection<String> regions) {
        Set<String> alertIds = new TreeSet<>();
        Set<String> sent = new TreeSet<>();
        int pushed = 0;
        for (JsonNode alert : http.get("/api/v1/alerts", officer).json().path("alerts")) {
            if (!regions.contains(alert.path("region").path("id").asText())) {
                continue;
            }
            alertIds.add(alert.path("id").asText());
            JsonNode messages = alert.path("episode").path("sent");
            pushed += messages.isEmpty() ? 0 : 1;
            for (int i = 0; i < messages.size(); i++) {
                sent.add(alert.path("id").asText() + "." + i);
            }
        }
        for (String status : new String[] {"pending", "failed"}) {
            assertThat(http.get("/api/v1/notifications?status=" + status, officer).json().path("notifications"))
                    .as("%s deliveries", status).noneSatisfy(d -> assertThat(alertIds).contains(d.path("alert").asText()));
        }
        Map<String, Set<String>> idsByMessage = new TreeMap<>();
        for (JsonNode message : receiver.received()) {
            if (regions.contains(message.path("region").path("id").asText()) || alertIds.contains(message.path("alertId").asText())) {
                idsByMessage.computeIfAbsent(message.path("messageId").asText(), k -> new TreeSet<>())
                        .add(message.path("webhookId").asText());
            }
        }
        assertThat(idsByMessage.keySet()).as("messages received about " + regions).isEqualTo(sent);
        assertThat(idsByMessage).allSatisfy((message, ids) -> assertThat(ids).as("webhook-ids of message %s", message).hasSize(1));
        Map<String, Integer> accepted = receiver.acceptedById();
        int webhookIds = 0;
        int redeliveries = 0;
        for (Set<String> ids : idsByMessage.values()) {
            for (String id : ids) {
                webhookIds++;
                redeliveries += accepted.getOrDefault(id, 1) - 1;
            }
        }
        return new AlertDeliveries(pushed, sent.size(), webhookIds, redeliveries);
    }
}
