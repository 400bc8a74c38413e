package org.tabale.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tabale.alerts.lifecycle.LifecycleSettings;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.notify.MailSettings;
import org.tabale.alerts.notify.SmsSettings;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.route.Responders;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.EnvValues;

/**
 * Configuration of the alert service, from the environment. Every key is documented in the
 * README's configuration table.
 *
 * @param rules           {@code TABALE_RULES}: YAML rule file; unset: the shipped default
 * @param responders      {@code TABALE_RESPONDERS}: YAML responders file; plus, where {@code TABALE_WEBHOOK_URL}
 *                        is set, a responder {@code webhook} hearing every alert on that URL
 * @param lifecycle       pending dates, hysteresis, resolution, updates, push age, escalation
 * @param mail            {@code TABALE_SMTP_*}: the SMTP server, when e-mail is used
 * @param sms             {@code TABALE_SMS_*}: the SMS gateway, when SMS is used
 * @param allowPrivateTargets {@code TABALE_WEBHOOK_ALLOW_PRIVATE}: let webhooks reach private and loopback
 *                        addresses (off: a webhook is never sent inside the network, SSRF)
 * @param publicUrl       {@code TABALE_PUBLIC_URL}: where officers reach the API (links in messages and CAP)
 * @param deliveryDeadline {@code TABALE_DELIVERY_DEADLINE_HOURS}: how long a failing delivery is retried
 * @param groupId         {@code TABALE_ALERTS_GROUP_ID}: consumer group of the alert service
 * @param instanceId      {@code TABALE_INSTANCE_ID}: this instance's {@code group.instance.id}, suffixed
 *                        {@code -alerts} (static membership); empty: dynamic
 */
public record AlertsSettings(RuleSet rules, List<Responder> responders, LifecycleSettings lifecycle,
                             Optional<MailSettings> mail, Optional<SmsSettings> sms, boolean allowPrivateTargets,
                             URI publicUrl, Duration deliveryDeadline, String groupId, Optional<String> instanceId) {

    public static final List<String> KEYS = List.of("TABALE_RULES", "TABALE_RESPONDERS", "TABALE_WEBHOOK_URL",
            "TABALE_WEBHOOK_SECRET", "TABALE_WEBHOOK_ALLOW_PRIVATE", "TABALE_PUBLIC_URL", "TABALE_ALERTS_GROUP_ID",
            "TABALE_ALERT_PENDING_DATES", "TABALE_ALERT_HYSTERESIS", "TABALE_ALERT_RESOLVE_AFTER_DAYS",
            "TABALE_ALERT_WORSEN_BY", "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "TABALE_ESCALATE_FROM", "TABALE_ESCALATE_AFTER_MINUTES",
            "TABALE_MAX_ESCALATIONS", "TABALE_DELIVERY_DEADLINE_HOURS", "TABALE_SMTP_HOST", "TABALE_SMTP_PORT",
            "TABALE_SMTP_FROM", "TABALE_SMTP_USER", "TABALE_SMTP_PASSWORD", "TABALE_SMTP_SECURITY", "TABALE_SMS_URL",
            "TABALE_SMS_METHOD", "TABALE_SMS_CONTENT_TYPE", "TABALE_SMS_BODY", "TABALE_SMS_AUTHORIZATION");

    public static AlertsSettings fromEnv(Map<String, String> env, int httpPort) {
        String rulesFile = env.get("TABALE_RULES");
        RuleSet rules = blank(rulesFile) ? RuleSet.bundledDefault() : RuleSet.read(Path.of(rulesFile));
        List<Responder> responders = new ArrayList<>();
        String respondersFile = env.get("TABALE_RESPONDERS");
        if (!blank(respondersFile)) {
            responders.addAll(Responders.read(Path.of(respondersFile)));
        }
        String webhook = env.get("TABALE_WEBHOOK_URL");
        if (!blank(webhook)) {
            URI url = URI.create(webhook.trim());
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("TABALE_WEBHOOK_URL must be an http(s) URL, was '" + webhook + "'");
            }
            String secret = env.get("TABALE_WEBHOOK_SECRET");
            if (blank(secret)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                secret = "whsec_" + Base64.getEncoder().encodeToString(key);
            }
            responders.add(new Responder("webhook", List.of(RegionSelector.ALL), Severity.MINOR, Language.EN,
                    new Responder.Channels(new Contact.Webhook(url, secret.trim()), null, null), 1));
        }
        LifecycleSettings d = LifecycleSettings.DEFAULT;
        LifecycleSettings lifecycle = new LifecycleSettings(
                EnvValues.integer(env, "TABALE_ALERT_PENDING_DATES", d.pendingDates()),
                EnvValues.decimal(env, "TABALE_ALERT_HYSTERESIS", d.hysteresis()),
                EnvValues.integer(env, "TABALE_ALERT_RESOLVE_AFTER_DAYS", d.resolveAfterDays()),
                EnvValues.decimal(env, "TABALE_ALERT_WORSEN_BY", d.worsenBy()),
                EnvValues.integer(env, "TABALE_ALERT_MAX_PUSH_AGE_DAYS", d.maxPushAgeDays()),
                blank(env.get("TABALE_ESCALATE_FROM")) ? d.escalateFrom() : Severity.parse(env.get("TABALE_ESCALATE_FROM")),
                Duration.ofMinutes(EnvValues.integer(env, "TABALE_ESCALATE_AFTER_MINUTES", (int) d.escalateAfter().toMinutes())),
                EnvValues.integer(env, "TABALE_MAX_ESCALATIONS", d.maxEscalations()));
        String publicUrl = env.getOrDefault("TABALE_PUBLIC_URL", "http://localhost:" + httpPort);
        return new AlertsSettings(rules, responders, lifecycle, MailSettings.fromEnv(env), SmsSettings.fromEnv(env),
                Boolean.parseBoolean(env.getOrDefault("TABALE_WEBHOOK_ALLOW_PRIVATE", "false").trim()),
                URI.create(publicUrl.trim()), Duration.ofHours(EnvValues.integer(env, "TABALE_DELIVERY_DEADLINE_HOURS", 24)),
                env.getOrDefault("TABALE_ALERTS_GROUP_ID", "tabale-alerts"),
                Optional.ofNullable(env.get("TABALE_INSTANCE_ID")).filter(id -> !id.isBlank()).map(id -> id.trim() + "-alerts"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
