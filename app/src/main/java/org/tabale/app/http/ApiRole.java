package org.tabale.app.http;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** The roles of DESIGN.md. {@code admin} may call everything. */
public enum ApiRole implements RouteRole {
    INTEGRATOR, ANALYST, OFFICER, ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiRole parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + label + "': roles are integrator, analyst, officer, admin", e);
        }
    }
}
