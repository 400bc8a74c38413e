package org.tabale.alerts.rules;

import java.util.ArrayList;
import java.util.List;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.Observation;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

/** What the rules say of one stats record, as the lifecycle takes it. */
public final class Evaluations {

    private Evaluations() {
    }

    /**
     * One observation per rule that applies to the record (held or not: resolution needs both), with
     * the record's evidence for the rule's window.
     */
    public static List<Observation> of(RuleSet rules, RegionStats stats) {
        List<Observation> observations = new ArrayList<>();
        Alert.RegionRef region = new Alert.RegionRef(stats.regionId(), stats.country(), stats.admin1());
        for (Rule rule : rules.all()) {
            rule.evaluate(stats).ifPresent(e -> observations.add(new Observation(e.rule(), e.metric(), e.window(), region,
                    stats.date(), e.holds(), e.value(), (long) Math.ceil(e.trigger()), e.baseline(),
                    e.holds() ? e.severity() : null, basis(e.metric()),
                    stats.evidence().getOrDefault(e.window(), List.of()))));
        }
        return observations;
    }

    /** What an alert on a metric rests on: event data, or community reports (verified or not). */
    public static Alert.Basis basis(Metric metric) {
        return switch (metric) {
            case REPORTS -> Alert.Basis.UNVERIFIED_REPORTS;
            case VERIFIED_REPORTS -> Alert.Basis.VERIFIED_REPORTS;
            default -> Alert.Basis.EVENT_DATA;
        };
    }
}
