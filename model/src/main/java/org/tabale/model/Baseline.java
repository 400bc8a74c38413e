package org.tabale.model;

import java.util.Objects;

/**
 * What is usual for a window of W days ending at d: the mean and the spread (population standard
 * deviation) of the same window's sums at the {@value #SAMPLES} weekly points before it, that is the
 * W-day sums ending at {@code d - W - 7k} for k = 0 … 51. Every sample ends before the window
 * starts, so the window never counts in its own baseline. Days before the first recorded event
 * count as zero.
 */
public record Baseline(Figures mean, Figures spread) {

    /** Weekly samples in a baseline: 52 weeks. */
    public static final int SAMPLES = 52;

    public Baseline {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(spread, "spread");
    }
}
