package org.tabale.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tabale.alerts.rules.RuleSet;

/**
 * Configuration of the alert service, from the environment.
 *
 * @param rules      {@code TABALE_RULES}: YAML rule file; unset: the shipped default
 * @param webhookUrl {@code TABALE_WEBHOOK_URL}: where alerts are POSTed; unset: no webhook
 * @param groupId    {@code TABALE_ALERTS_GROUP_ID}: consumer group of the alert service
 */
public record AlertsSettings(RuleSet rules, URI webhookUrl, String groupId) {

    public static final List<String> KEYS = List.of("TABALE_RULES", "TABALE_WEBHOOK_URL", "TABALE_ALERTS_GROUP_ID");

    public static AlertsSettings fromEnv(Map<String, String> env) {
        String rulesFile = env.get("TABALE_RULES");
        RuleSet rules = rulesFile == null || rulesFile.isBlank() ? RuleSet.bundledDefault() : RuleSet.read(Path.of(rulesFile));
        String webhook = env.get("TABALE_WEBHOOK_URL");
        URI url = null;
        if (webhook != null && !webhook.isBlank()) {
            url = URI.create(webhook.trim());
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("TABALE_WEBHOOK_URL must be an http(s) URL, was '" + webhook + "'");
            }
        }
        return new AlertsSettings(rules, url, env.getOrDefault("TABALE_ALERTS_GROUP_ID", "tabale-alerts"));
    }
}
