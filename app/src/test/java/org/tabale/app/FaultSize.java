package org.tabale.app;

/**
 * How big the fault tests run: {@code short} by default, sized for CI; {@code long}
 * ({@code mvn verify -Dfaults=long}, passed through failsafe as system property {@code faults}) at
 * full size. Per test, each size gives the events replayed and the deadlines that go with them.
 */
final class FaultSize {

    static final String PROPERTY = "faults";

    private FaultSize() {
    }

    static boolean isLong() {
        return "long".equalsIgnoreCase(System.getProperty(PROPERTY, "short").trim());
    }

    /** {@code small} at the default size, {@code full} with {@code -Dfaults=long}. */
    static int pick(int small, int full) {
        return isLong() ? full : small;
    }

    static String name() {
        return isLong() ? "long" : "short";
    }
}
