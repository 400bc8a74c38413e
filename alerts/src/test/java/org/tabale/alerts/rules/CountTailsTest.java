package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountTailsTest {

    @ParameterizedTest(name = "Poisson({1}): P(X >= {0}) = {2}")
    @CsvSource({
            // 1 - e^-m Σ_{j<k} m^j / j!, computed with exact fractions and 40-digit decimals
            "20, 10, 0.0034543419758568077",
            "13, 6, 0.0088274835178981484",
            "12, 6, 0.0200919635394447996",
            "1, 6, 0.99752124782333362",   // 1 - e^-6
            "0, 6, 1",
    })
    void shouldGiveKnownPoissonTails(long k, double mean, double expected) {
        assertThat(CountTails.poisson(k, mean)).isCloseTo(expected, Percentage.withPercentage(1e-9));
    }

    @ParameterizedTest(name = "geometric of mean {1}: P(X >= {0})")
    @CsvSource({"1, 4", "3, 4", "10, 4", "40, 4", "200, 4", "5, 0.5", "2, 30"})
    void shouldMatchTheGeometricTailWhenRIsOne(long k, double mean) {
        // r = m² / (v - m) = 1 when v = m + m²: the geometric, P(X >= k) = (m / (1 + m))^k
        double expected = Math.pow(mean / (1 + mean), k);

        assertThat(CountTails.negativeBinomial(k, mean, mean + mean * mean)).isCloseTo(expected, Percentage.withPercentage(1e-8));
    }

    @ParameterizedTest(name = "NB(r=2, q=1/3): P(X >= {0})")
    @CsvSource({"1", "2", "4", "8", "20", "60"})
    void shouldMatchTheBinomialIdentityWhenRIsTwo(long k) {
        // mean 4, variance 12: r = 2, q = 1/3. X >= k failures before the 2nd success iff the first
        // k+1 trials hold at most one success: (1-q)^(k+1) + (k+1) q (1-q)^k
        double q = 1.0 / 3;
        double expected = Math.pow(1 - q, k + 1) + (k + 1) * q * Math.pow(1 - q, k);

        assertThat(CountTails.negativeBinomial(k, 4, 12)).isCloseTo(expected, Percentage.withPercentage(1e-8));
    }

    @Test
    void shouldFallBackToPoissonWhenTheVarianceIsNotAboveTheMean() {
        assertThat(CountTails.negativeBinomial(13, 6, 6)).isEqualTo(CountTails.poisson(13, 6));
        assertThat(CountTails.negativeBinomial(13, 6, 2)).isEqualTo(CountTails.poisson(13, 6));
    }

    @Test
    void shouldGiveZeroMeanNoTailAndTinyTailsTheirPrecision() {
        assertThat(CountTails.poisson(1, 0)).isZero();
        assertThat(CountTails.poisson(200, 5)).isGreaterThan(0).isLessThan(1e-150);
        assertThat(CountTails.negativeBinomial(2000, 5, 25)).isGreaterThan(0).isLessThan(1e-100);
    }

    @Test
    void shouldSeeThatPoissonOverAlertsOnOverDispersedCounts() {
        // Mopti-like 30-day violent events: usual 6, variance 30 (VMR 5). The Poisson test at p <= 0.01
        // alerts from 13; under the over-dispersed truth such a count is an ordinary month.
        double mean = 6;
        double variance = 30;
        long poissonTrigger = smallestWithTailAtMost(k -> CountTails.poisson(k, mean), 0.01);
        long negativeBinomialTrigger = smallestWithTailAtMost(k -> CountTails.negativeBinomial(k, mean, variance), 0.01);

        double poissonFalseAlarms = CountTails.negativeBinomial(poissonTrigger, mean, variance);
        double negativeBinomialFalseAlarms = CountTails.negativeBinomial(negativeBinomialTrigger, mean, variance);

        assertThat(poissonTrigger).isEqualTo(13);
        assertThat(poissonFalseAlarms).isGreaterThan(0.05);
        assertThat(negativeBinomialFalseAlarms).isLessThanOrEqualTo(0.01);
        assertThat(negativeBinomialTrigger).isGreaterThan(2 * poissonTrigger - 5);
    }

    @Test
    void shouldComputeLogGammaOfIntegersAndHalves() {
        assertThat(CountTails.logGamma(1)).isCloseTo(0, within(1e-13));
        assertThat(CountTails.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-12));
        assertThat(CountTails.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(CountTails.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
    }

    private interface Tail {
        double at(long k);
    }

    private static long smallestWithTailAtMost(Tail tail, double p) {
        long k = 0;
        while (tail.at(k) > p) {
            k++;
        }
        return k;
    }
}
