package org.tabale.alerts.rules;

/**
 * Upper-tail probabilities of count distributions, P(X >= k), for the negative-binomial detector.
 * The negative binomial is parameterised by its mean m and variance v (v > m; r = m² / (v - m),
 * success probability q = m / v); at v <= m it is the Poisson of mean m. Computed in log space: a
 * tail beyond the mean sums the probabilities from k upwards (so tiny tails keep their relative
 * precision), a tail at or below the mean is one minus the sum of the probabilities below k.
 */
public final class CountTails {

    /** Terms below this fraction of the running sum no longer change it. */
    private static final double NEGLIGIBLE = 1e-17;
    private static final int MAX_TERMS = 10_000_000;

    private CountTails() {
    }

    /** P(X >= k) for X negative binomial of mean {@code mean} and variance {@code variance} (Poisson when variance <= mean). */
    public static double negativeBinomial(long k, double mean, double variance) {
        if (variance <= mean) {
            return poisson(k, mean);
        }
        double r = mean * mean / (variance - mean);
        double logQ = Math.log(mean / variance);
        double logP = Math.log1p(-mean / variance);
        // ln pmf(j) = ln Γ(j+r) - ln Γ(r) - ln Γ(j+1) + r ln q + j ln(1-q); pmf(j+1) = pmf(j) (j+r)/(j+1) (1-q)
        return tail(k, mean, j -> logGamma(j + r) - logGamma(r) - logGamma(j + 1) + r * logQ + j * logP,
                j -> (j + r) / (j + 1) * Math.exp(logP));
    }

    /** P(X >= k) for X Poisson of mean {@code mean}. */
    public static double poisson(long k, double mean) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        return tail(k, mean, j -> -mean + j * Math.log(mean) - logGamma(j + 1), j -> mean / (j + 1));
    }

    private interface LogPmf {
        double at(double j);
    }

    private interface Step {
        double ratio(double j);
    }

    private static double tail(long k, double mean, LogPmf logPmf, Step step) {
        if (k <= 0) {
            return 1;
        }
        if (k - 1 < mean) {
            // Each term from its logarithm: a recurrence from pmf(0) would underflow for large means.
            double below = 0;
            for (long j = 0; j < k; j++) {
                below += Math.exp(logPmf.at(j));
            }
            return Math.min(1, Math.max(0, 1 - below));
        }
        // Beyond the mean every term is smaller than the one before: sum until they vanish.
        double term = Math.exp(logPmf.at(k));
        double sum = 0;
        for (long j = k; j < k + MAX_TERMS && term > NEGLIGIBLE * sum; j++) {
            sum += term;
            term *= step.ratio(j);
        }
        return Math.min(1, sum);
    }

    /**
     * ln Γ(x) for x > 0: Stirling's series from x >= 10 (error below 1e-13), reached from smaller x
     * through Γ(x) = Γ(x + n) / (x (x+1) … (x+n-1)).
     */
    static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, was " + x);
        }
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double inverse = 1 / x;
        double square = inverse * inverse;
        double series = inverse * (1.0 / 12 - square * (1.0 / 360 - square * (1.0 / 1260 - square * (1.0 / 1680
                - square / 1188))));
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }
}
