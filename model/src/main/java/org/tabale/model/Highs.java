package org.tabale.model;

import java.util.Objects;

/**
 * Record highs of the 30-day sum before a window (HDX Signals style): for a date d, the largest
 * 30-day sum ending between {@code d - 365} and {@code d - 30} ({@code year}) and between
 * {@code d - 1095} and {@code d - 30} ({@code threeYears}), per metric. Those windows end before
 * the 30-day window ending at d starts, so "the 30-day sum exceeds {@code year}" reads "a one-year high".
 */
public record Highs(Totals year, Totals threeYears) {

    /** The window whose highs are kept. */
    public static final int WINDOW = 30;
    /** The first window end of the one-year high, in days before d. */
    public static final int YEAR = 365;
    /** The first window end of the three-year high, in days before d. */
    public static final int THREE_YEARS = 1095;

    public Highs {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(threeYears, "threeYears");
    }
}
