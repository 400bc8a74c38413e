package org.tabale.alerts.cap;

import java.net.URI;
import java.util.Objects;

/**
 * What CAP and Atom documents say about their sender.
 *
 * @param sender      CAP {@code <sender>}: a unique name of this installation, {@code tabale@example.org}
 * @param senderName  CAP {@code <senderName>}: readable, {@code Tabalé, système d'alerte précoce}
 * @param publicBase  where the service's API is reachable, {@code https://tabale.example.org}: the
 *                    feed and the documents link under it
 * @param status      CAP {@code <status>}: {@code Actual} in service, {@code Exercise} or {@code Test} otherwise
 * @param maxPolygons the most polygons per area
 * @param maxPoints   the most points per polygon, the closing one counted
 */
public record CapSettings(String sender, String senderName, URI publicBase, Status status, int maxPolygons, int maxPoints) {

    /** CAP {@code <status>} values a system sends. */
    public enum Status {
        Actual, Exercise, System, Test, Draft
    }

    /** Defaults: 5 polygons of 100 points per area. */
    public static final int DEFAULT_MAX_POLYGONS = 5;
    public static final int DEFAULT_MAX_POINTS = 100;

    public CapSettings {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(publicBase, "publicBase");
        Objects.requireNonNull(status, "status");
        if (sender.isBlank() || sender.contains(" ") || sender.contains(",") || sender.contains("<") || sender.contains("&")) {
            throw new IllegalArgumentException("CAP sender must be non-empty without spaces, commas, < or &, was '" + sender + "'");
        }
        if (maxPolygons < 1 || maxPoints < 4) {
            throw new IllegalArgumentException("an area needs at least 1 polygon of at least 4 points");
        }
    }

    /** Settings for an installation in service, with the default polygon bounds. */
    public static CapSettings actual(String sender, String senderName, URI publicBase) {
        return new CapSettings(sender, senderName, publicBase, Status.Actual, DEFAULT_MAX_POLYGONS, DEFAULT_MAX_POINTS);
    }
}
