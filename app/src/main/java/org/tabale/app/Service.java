package org.tabale.app;

import java.util.EnumSet;
import java.util.Set;

/** The roles a process can take in a cluster; {@code all} (and {@code run}, {@code demo}) take every one. */
public enum Service {
    INGEST, STREAMS, ALERTS;

    public static Set<Service> all() {
        return EnumSet.allOf(Service.class);
    }
}
