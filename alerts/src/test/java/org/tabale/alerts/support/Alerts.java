package org.tabale.alerts.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/** Alerts the format and channel tests share: Mopti in March 2019 (Ogossagou), Ménaka, Tombouctou. */
public final class Alerts {

    public static final Instant SENT = Instant.parse("2019-03-24T06:00:00Z");

    private Alerts() {
    }

    public static Alert mopti() {
        return new Alert("0123456789abcdef", "civilian-fatalities-7d", Metric.CIVILIAN_FATALITIES, 7,
                new Alert.RegionRef("MLI.Mopti", "Mali", "Mopti"), LocalDate.of(2019, 3, 23), Alert.State.firing,
                Severity.SEVERE, 157, 10, List.of("MLI1234", "MLI1235", "MLI1240"), SENT, 4.5, Alert.Basis.EVENT_DATA);
    }

    public static Alert region(String id, String country, String admin1, Severity severity) {
        return new Alert("fedcba9876543210", "civilian-events-30d", Metric.CIVILIAN_EVENTS, 30,
                new Alert.RegionRef(id, country, admin1), LocalDate.of(2019, 3, 23), Alert.State.firing,
                severity, 12, 5, List.of("MLI2001"), SENT, 3.0, Alert.Basis.EVENT_DATA);
    }

    public static Alert menaka() {
        return region("MLI.Menaka", "Mali", "Ménaka", Severity.EXTREME);
    }

    public static Alert tombouctou() {
        return region("MLI.Tombouctou", "Mali", "Tombouctou", Severity.MODERATE);
    }

    public static AlertNotice first(Alert alert) {
        return AlertNotice.first(alert, SENT);
    }

    public static AlertNotice update(Alert alert) {
        return new AlertNotice(alert, AlertNotice.Kind.UPDATE, SENT.plusSeconds(86_400), List.of(SENT));
    }

    public static AlertNotice resolved(Alert alert) {
        return new AlertNotice(alert, AlertNotice.Kind.RESOLVED, SENT.plusSeconds(14 * 86_400),
                List.of(SENT, SENT.plusSeconds(86_400)));
    }
}
