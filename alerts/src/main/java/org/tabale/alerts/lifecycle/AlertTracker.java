package org.tabale.alerts.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.alerts.rules.ThresholdRule;
import org.tabale.model.RegionStats;

/**
 * Turns stats records into alert episodes. Identity is (rule, region). Records arrive in any
 * date order (late events, replays, several window ends per change), so an episode is defined
 * on dates, not on arrival: the rule holding at a date within one window length of an alert
 * already raised for the identity belongs to that alert's episode and raises nothing. One
 * alert per episode, however many records confirm it.
 *
 * <p>Resolution, acknowledgement, silences and escalation belong to the full lifecycle (issue 5).
 */
public final class AlertTracker {

    private final RuleSet rules;
    private final Clock clock;
    private final Map<String, TreeMap<LocalDate, Alert>> raised = new HashMap<>();

    public AlertTracker(RuleSet rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The alerts that this record starts. */
    public synchronized List<Alert> onStats(RegionStats stats) {
        List<Alert> started = new ArrayList<>();
        for (ThresholdRule rule : rules.rules()) {
            Optional<Long> value = rule.evaluate(stats);
            if (value.isEmpty()) {
                continue;
            }
            String identity = rule.name() + "|" + stats.regionId();
            TreeMap<LocalDate, Alert> alerts = raised.computeIfAbsent(identity, k -> new TreeMap<>());
            LocalDate date = stats.date();
            if (!alerts.subMap(date.minusDays(rule.window()), true, date.plusDays(rule.window()), true).isEmpty()) {
                continue;
            }
            Alert alert = new Alert(fingerprint(identity, date), rule.name(), rule.metric(), rule.window(),
                    new Alert.RegionRef(stats.regionId(), stats.country(), stats.admin1()), date,
                    Alert.State.firing, rule.severity(), value.get(), rule.threshold(), List.of(), clock.instant());
            alerts.put(date, alert);
            started.add(alert);
        }
        return started;
    }

    /** The alerts raised so far. */
    public synchronized List<Alert> raised() {
        return raised.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    private static String fingerprint(String identity, LocalDate start) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((identity + "|" + start).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
