package org.tabale.alerts.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.tabale.alerts.rules.Severity;

/**
 * The alert lifecycle: observations of rules on stats records, wall-clock ticks and officers'
 * acts in; {@link Change}s (states to record, messages to send) out. Pure and deterministic
 * given its inputs and the instants passed in; the alert service persists every change and
 * restores them at start ({@link #restore(Alert)}), so a restart neither forgets an episode nor
 * pages it again.
 *
 * <p>Identity is the rule and the region; an episode is one alert with an id stable for it.
 * Observations may come in any date order (late data, replays): an observation belongs to the
 * episode of its identity whose dates it is within one window length of. A condition must hold on
 * {@link LifecycleSettings#pendingDates()} successive window ends before it fires (window figures
 * only change on the dates records are emitted for, so a later record that still holds, or a
 * tick once the date has passed, confirms it). An episode resolves once its value stayed below the
 * trigger minus the hysteresis margin for {@link LifecycleSettings#resolveAfterDays()}; a
 * worsening (higher severity, or a value grown by {@link LifecycleSettings#worsenBy()}) sends an
 * update, not a new alert. A severe alert nobody acknowledges is escalated to the next tier of
 * responders, a bounded number of times. An episode whose window ended more than
 * {@link LifecycleSettings#maxPushAgeDays()} before today is recorded, never pushed.
 */
public final class AlertLifecycle {

    /** Resolved alerts kept in memory (older ones stay on the alerts topic). */
    private static final int KEEP_RESOLVED = 20_000;

    private final LifecycleSettings settings;
    private final ToIntFunction<Alert> lastTier;
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    /** The ids of the open alerts: what a tick looks at, whatever the number of resolved ones. */
    private final Set<String> open = new LinkedHashSet<>();
    private int resolved;
    private final Map<String, TreeMap<LocalDate, String>> episodes = new HashMap<>();
    private final Map<String, Silence> silences = new LinkedHashMap<>();

    /**
     * @param lastTier the highest responder tier that wants an alert (escalation stops there)
     */
    public AlertLifecycle(LifecycleSettings settings, ToIntFunction<Alert> lastTier) {
        this.settings = settings;
        this.lastTier = lastTier;
    }

    /** Puts back an alert recorded before a restart. */
    public synchronized void restore(Alert alert) {
        if (alert.episode() == null) {
            return;
        }
        Alert before = put(alert);
        if (before == null) {
            episodes.computeIfAbsent(identity(alert), k -> new TreeMap<>()).put(alert.episode().startsAt(), alert.id());
        }
    }

    /** Puts back a silence recorded before a restart. */
    public synchronized void restore(Silence silence) {
        silences.put(silence.id(), silence);
    }

    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts.values());
    }

    public synchronized Optional<Alert> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    public synchronized List<Silence> silences() {
        return List.copyOf(silences.values());
    }

    /** What one rule said of one stats record. */
    public synchronized List<Change> observe(Observation observation, Instant now) {
        LocalDate today = today(now);
        TreeMap<LocalDate, String> ofIdentity = episodes.computeIfAbsent(observation.identity(), k -> new TreeMap<>());
        Map.Entry<LocalDate, String> candidate = ofIdentity.floorEntry(observation.date().plusDays(observation.window()));
        if (candidate != null) {
            Draft draft = new Draft(alerts.get(candidate.getValue()));
            LocalDate end = draft.endsAt == null ? LocalDate.MAX : draft.endsAt.plusDays(observation.window());
            if (!observation.date().isAfter(end)) {
                if (draft.state == Alert.State.resolved) {
                    return List.of(); // a late record of a closed episode's dates: it stays closed
                }
                return update(draft, observation, now, today);
            }
        }
        if (!observation.holds()) {
            return List.of();
        }
        Draft draft = new Draft(observation, now, fingerprint(observation.identity(), observation.date()));
        ofIdentity.put(observation.date(), draft.id);
        List<Change> changes = new ArrayList<>();
        if (settings.pendingDates() <= 1) {
            changes.add(fire(draft, now, today));
        } else {
            changes.add(Change.quiet(save(draft)));
        }
        prune();
        return changes;
    }

    /** Time passing: confirmations, resolutions, silences starting and ending, escalations. */
    public synchronized List<Change> tick(Instant now) {
        LocalDate today = today(now);
        List<Change> changes = new ArrayList<>();
        for (String id : List.copyOf(open)) {
            Alert alert = alerts.get(id);
            Draft draft = new Draft(alert);
            Change silenced = applySilences(draft, now);
            if (silenced != null) {
                changes.add(silenced);
            }
            if (draft.state == Alert.State.pending && draft.lastHolds
                    && ChronoUnit.DAYS.between(draft.startsAt, today) >= settings.pendingDates() - 1) {
                changes.add(fire(draft, now, today));
            } else if (draft.status != Alert.State.pending && resolvable(draft, today)) {
                changes.add(resolve(draft, now, "tabale", "below the trigger for " + settings.resolveAfterDays() + " days"));
            } else if (escalates(draft, now)) {
                draft.tier++;
                draft.escalatedAt = now;
                draft.actions.add(new Alert.Action(now, "tabale", "escalated", "tier " + draft.tier));
                Alert saved = save(draft);
                changes.add(new Change(saved, latestNotice(saved).orElse(null), draft.tier, draft.tier));
            }
        }
        return changes;
    }

    /** An officer acknowledges: escalation stops; the episode still resolves by itself. */
    public synchronized Change acknowledge(String id, String by, String comment, Instant now) {
        Draft draft = new Draft(find(id));
        if (!draft.state.open()) {
            throw new IllegalStateException("alert " + id + " is resolved");
        }
        if (draft.status == Alert.State.pending) {
            throw new IllegalStateException("alert " + id + " is pending: nothing to acknowledge yet");
        }
        draft.status = Alert.State.acknowledged;
        if (draft.state != Alert.State.silenced) {
            draft.state = Alert.State.acknowledged;
        }
        draft.acknowledgedAt = now;
        draft.acknowledgedBy = by;
        draft.actions.add(new Alert.Action(now, by, "acknowledged", comment));
        return Change.quiet(save(draft));
    }

    /** An officer closes an episode; its responders are told. */
    public synchronized Change resolve(String id, String by, String comment, Instant now) {
        Draft draft = new Draft(find(id));
        if (!draft.state.open()) {
            throw new IllegalStateException("alert " + id + " is already resolved");
        }
        return resolve(draft, now, by, comment);
    }

    /** A new silence, and the alerts it mutes at once. */
    public synchronized List<Change> silence(Silence silence, Instant now) {
        silences.put(silence.id(), silence);
        return tick(now);
    }

    /** An officer ends a silence early; alerts it muted are told about if still firing. */
    public synchronized List<Change> expire(String silenceId, String by, Instant now) {
        Silence silence = silences.get(silenceId);
        if (silence == null) {
            throw new NoSuchElementException("no silence " + silenceId);
        }
        silences.put(silenceId, silence.expire());
        return tick(now);
    }

    /** The latest message sent about an alert: what an escalation or a resend repeats. */
    public static Optional<AlertNotice> latestNotice(Alert alert) {
        List<Instant> sent = alert.episode() == null ? List.of() : alert.episode().sent();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        AlertNotice.Kind kind = sent.size() == 1 ? AlertNotice.Kind.NEW
                : alert.state() == Alert.State.resolved ? AlertNotice.Kind.RESOLVED : AlertNotice.Kind.UPDATE;
        return Optional.of(new AlertNotice(alert, kind, sent.get(sent.size() - 1), sent.subList(0, sent.size() - 1)));
    }

    private List<Change> update(Draft draft, Observation o, Instant now, LocalDate today) {
        boolean latest = draft.lastSeen == null || !o.date().isBefore(draft.lastSeen);
        if (o.holds()) {
            if (o.date().isAfter(draft.lastHeld)) {
                draft.lastHeld = o.date();
            }
            if (latest) {
                draft.lastSeen = o.date();
                draft.lastHolds = true;
                draft.belowSince = null;
            }
            if (o.value() > draft.value) {
                draft.value = o.value();
                draft.evidence = o.evidence();
            }
            if (o.severity().compareTo(draft.severity) > 0) {
                draft.severity = o.severity();
            }
            if (draft.state == Alert.State.pending) {
                if (ChronoUnit.DAYS.between(draft.startsAt, draft.lastHeld) >= settings.pendingDates() - 1) {
                    return List.of(fire(draft, now, today));
                }
                return List.of(Change.quiet(save(draft)));
            }
            boolean worse = draft.severity.compareTo(draft.notifiedSeverity) > 0
                    || draft.value >= Math.ceil(draft.notifiedValue * (1 + settings.worsenBy()));
            if (worse && draft.pushed && draft.state != Alert.State.silenced) {
                return List.of(message(draft, now, AlertNotice.Kind.UPDATE, "worsened to " + draft.value));
            }
            return List.of(Change.quiet(save(draft)));
        }
        List<Change> changes = new ArrayList<>();
        if (latest && draft.lastHolds && o.date().isAfter(draft.lastHeld)) {
            // Figures change only on the dates records are emitted for: it held up to the day before this one.
            draft.lastHeld = o.date().minusDays(1);
            if (draft.state == Alert.State.pending
                    && ChronoUnit.DAYS.between(draft.startsAt, draft.lastHeld) >= settings.pendingDates() - 1) {
                changes.add(fire(draft, now, today));
            }
        }
        if (latest) {
            draft.lastSeen = o.date();
            draft.lastHolds = false;
            boolean below = o.value() <= draft.threshold * (1 - settings.hysteresis());
            if (!below) {
                draft.belowSince = null;
            } else if (draft.belowSince == null && o.date().isAfter(draft.lastHeld)) {
                draft.belowSince = o.date();
            }
        }
        if (draft.state == Alert.State.pending && !draft.lastHolds) {
            // Not confirmed: the episode never fired, nobody was told.
            draft.state = Alert.State.resolved;
            draft.status = Alert.State.resolved;
            draft.endsAt = o.date();
            draft.resolvedAt = now;
            draft.actions.add(new Alert.Action(now, "tabale", "dropped", "did not hold on the next date"));
            changes.add(Change.quiet(save(draft)));
        } else if (draft.belowSince != null
                && ChronoUnit.DAYS.between(draft.belowSince, draft.lastSeen) >= settings.resolveAfterDays()) {
            changes.add(resolve(draft, now, "tabale", "below the trigger for " + settings.resolveAfterDays() + " days"));
        } else {
            changes.add(Change.quiet(save(draft)));
        }
        return changes;
    }

    private Change fire(Draft draft, Instant now, LocalDate today) {
        draft.status = Alert.State.firing;
        draft.state = Alert.State.firing;
        draft.firedAt = now;
        draft.escalatedAt = now;
        draft.tier = 1;
        draft.pushed = ChronoUnit.DAYS.between(draft.lastHeld, today) <= settings.maxPushAgeDays();
        draft.actions.add(new Alert.Action(now, "tabale", "fired", draft.pushed ? null
                : "window ended more than " + settings.maxPushAgeDays() + " days ago: recorded, not pushed"));
        Change silenced = applySilences(draft, now);
        if (silenced != null || !draft.pushed) {
            return Change.quiet(save(draft));
        }
        return message(draft, now, AlertNotice.Kind.NEW, null);
    }

    private Change resolve(Draft draft, Instant now, String by, String comment) {
        boolean told = !draft.sent.isEmpty();
        draft.state = Alert.State.resolved;
        draft.status = Alert.State.resolved;
        draft.endsAt = draft.lastSeen;
        draft.resolvedAt = now;
        draft.actions.add(new Alert.Action(now, by, "resolved", comment));
        if (told && draft.pushed) {
            return message(draft, now, AlertNotice.Kind.RESOLVED, null);
        }
        return Change.quiet(save(draft));
    }

    private Change message(Draft draft, Instant now, AlertNotice.Kind kind, String why) {
        List<Instant> earlier = List.copyOf(draft.sent);
        draft.sent.add(now);
        draft.notifiedValue = draft.value;
        draft.notifiedSeverity = draft.severity;
        if (why != null) {
            draft.actions.add(new Alert.Action(now, "tabale", "updated", why));
        }
        Alert saved = save(draft);
        return new Change(saved, new AlertNotice(saved, kind, now, earlier), 1, draft.tier);
    }

    /** Mutes or unmutes by the active silences; a message held back by a silence goes out when it ends. */
    private Change applySilences(Draft draft, Instant now) {
        if (draft.status == Alert.State.pending) {
            return null;
        }
        Alert current = draft.toAlert();
        Silence active = silences.values().stream().filter(s -> s.activeAt(now) && s.matches(current))
                .min(Comparator.comparing(Silence::id)).orElse(null);
        if (active != null && draft.state != Alert.State.silenced) {
            draft.state = Alert.State.silenced;
            draft.silence = active.id();
            draft.actions.add(new Alert.Action(now, active.createdBy(), "silenced", active.comment()));
            return Change.quiet(save(draft));
        }
        if (active == null && draft.state == Alert.State.silenced) {
            draft.state = draft.status;
            draft.silence = null;
            draft.actions.add(new Alert.Action(now, "tabale", "unsilenced", null));
            if (draft.sent.isEmpty() && draft.pushed) {
                return message(draft, now, AlertNotice.Kind.NEW, null);
            }
            return Change.quiet(save(draft));
        }
        return null;
    }

    private boolean resolvable(Draft draft, LocalDate today) {
        return draft.belowSince != null && !draft.lastHolds
                && ChronoUnit.DAYS.between(draft.belowSince, today) >= settings.resolveAfterDays();
    }

    private boolean escalates(Draft draft, Instant now) {
        return draft.state == Alert.State.firing && draft.pushed && !draft.sent.isEmpty()
                && draft.severity.compareTo(settings.escalateFrom()) >= 0
                && draft.tier - 1 < settings.maxEscalations()
                && draft.tier < lastTier.applyAsInt(draft.toAlert())
                && !now.isBefore(draft.escalatedAt.plus(settings.escalateAfter()));
    }

    private Alert find(String id) {
        Alert alert = alerts.get(id);
        if (alert == null) {
            throw new NoSuchElementException("no alert " + id);
        }
        return alert;
    }

    private Alert save(Draft draft) {
        Alert alert = draft.toAlert();
        put(alert);
        return alert;
    }

    /** Stores an alert, keeping the open ids and the count of resolved ones in step. */
    private Alert put(Alert alert) {
        Alert before = alerts.put(alert.id(), alert);
        if (before != null && !before.state().open()) {
            resolved--;
        }
        if (alert.state().open()) {
            open.add(alert.id());
        } else {
            open.remove(alert.id());
            resolved++;
        }
        return before;
    }

    private void prune() {
        if (resolved <= KEEP_RESOLVED) {
            return;
        }
        List<Alert> oldest = alerts.values().stream().filter(a -> !a.state().open())
                .sorted(Comparator.comparing(Alert::raisedAt)).limit(resolved - KEEP_RESOLVED).toList();
        for (Alert alert : oldest) {
            alerts.remove(alert.id());
            resolved--;
            TreeMap<LocalDate, String> ofIdentity = episodes.get(identity(alert));
            if (ofIdentity != null) {
                ofIdentity.remove(alert.episode().startsAt());
            }
        }
    }

    private static String identity(Alert alert) {
        return alert.rule() + "|" + alert.region().id();
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    static String fingerprint(String identity, LocalDate start) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((identity + "|" + start).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert being changed. */
    private static final class Draft {
        final String id;
        final String rule;
        final org.tabale.model.Metric metric;
        final int window;
        final Alert.RegionRef region;
        final LocalDate date;
        Alert.State state;
        Severity severity;
        long value;
        final long threshold;
        List<String> evidence;
        final Instant raisedAt;
        final Double baseline;
        final Alert.Basis basis;
        final LocalDate startsAt;
        LocalDate lastHeld;
        LocalDate lastSeen;
        boolean lastHolds;
        LocalDate belowSince;
        LocalDate endsAt;
        Alert.State status;
        String silence;
        boolean pushed;
        int tier;
        final List<Instant> sent;
        long notifiedValue;
        Severity notifiedSeverity;
        Instant escalatedAt;
        Instant firedAt;
        Instant acknowledgedAt;
        String acknowledgedBy;
        Instant resolvedAt;
        final List<Alert.Action> actions;

        Draft(Observation o, Instant now, String id) {
            this.id = id;
            rule = o.rule();
            metric = o.metric();
            window = o.window();
            region = o.region();
            date = o.date();
            state = Alert.State.pending;
            status = Alert.State.pending;
            severity = o.severity();
            value = o.value();
            threshold = o.threshold();
            evidence = o.evidence();
            raisedAt = now;
            baseline = o.baseline();
            basis = o.basis();
            startsAt = o.date();
            lastHeld = o.date();
            lastSeen = o.date();
            lastHolds = true;
            sent = new ArrayList<>();
            notifiedSeverity = o.severity();
            actions = new ArrayList<>(List.of(new Alert.Action(now, "tabale", "pending", null)));
        }

        Draft(Alert a) {
            Alert.Episode e = a.episode();
            id = a.id();
            rule = a.rule();
            metric = a.metric();
            window = a.window();
            region = a.region();
            date = a.date();
            state = a.state();
            severity = a.severity();
            value = a.value();
            threshold = a.threshold();
            evidence = a.evidence();
            raisedAt = a.raisedAt();
            baseline = a.baseline();
            basis = a.basis();
            startsAt = e.startsAt();
            lastHeld = e.lastHeld();
            lastSeen = e.lastSeen();
            lastHolds = e.lastHolds();
            belowSince = e.belowSince();
            endsAt = e.endsAt();
            status = e.status();
            silence = e.silence();
            pushed = e.pushed();
            tier = e.tier();
            sent = new ArrayList<>(e.sent());
            notifiedValue = e.notifiedValue();
            notifiedSeverity = e.notifiedSeverity();
            escalatedAt = e.escalatedAt();
            firedAt = e.firedAt();
            acknowledgedAt = e.acknowledgedAt();
            acknowledgedBy = e.acknowledgedBy();
            resolvedAt = e.resolvedAt();
            actions = new ArrayList<>(e.actions());
        }

        Alert toAlert() {
            return new Alert(id, rule, metric, window, region, date, state, severity, value, threshold, evidence, raisedAt,
                    baseline, basis, new Alert.Episode(startsAt, lastHeld, lastSeen, lastHolds, belowSince, endsAt, status,
                    silence, pushed, tier, sent, notifiedValue, notifiedSeverity, escalatedAt, firedAt, acknowledgedAt,
                    acknowledgedBy, resolvedAt, actions));
        }
    }
}
