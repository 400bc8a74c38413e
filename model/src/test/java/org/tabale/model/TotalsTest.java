package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TotalsTest {

    private static ConflictEvent event(EventType type, Boolean civilianTargeting, int fatalities) {
        return new ConflictEvent("MLI9100", LocalDate.of(2024, 5, 2), 1, null, type, null, "Actor A", null, "2",
                "Actor B", null, "7", "27", civilianTargeting, 466, "Western Africa", "Mali", "Mopti", null, null,
                "Somewhere", 14.5, -4.2, 1, "Invented source", "National", "Invented note", fatalities, null,
                1_714_600_000L, "MLI.Mopti", "acled");
    }

    @Test
    void shouldCountCivilianMetricsWhenEventIsFlaggedCivilianTargeting() {
        // given shelling that ACLED flags as targeting civilians
        ConflictEvent event = event(EventType.EXPLOSIONS_REMOTE_VIOLENCE, true, 5);

        // when
        Totals totals = Totals.of(event);

        // then
        assertThat(totals).isEqualTo(new Totals(1, 5, 1, 1, 5));
    }

    @Test
    void shouldCountViolenceAgainstCiviliansAsCivilianWhenFlagIsAbsent() {
        // given a pre-2022 export, which has no civilian_targeting column
        ConflictEvent event = event(EventType.VIOLENCE_AGAINST_CIVILIANS, null, 3);

        // when
        Totals totals = Totals.of(event);

        // then
        assertThat(totals).isEqualTo(new Totals(1, 3, 1, 1, 3));
    }

    @Test
    void shouldNotCountCivilianMetricsWhenBattleIsFlaggedNotCivilianTargeting() {
        // given
        ConflictEvent event = event(EventType.BATTLES, false, 7);

        // when
        Totals totals = Totals.of(event);

        // then
        assertThat(totals).isEqualTo(new Totals(1, 7, 1, 0, 0));
    }

    @Test
    void shouldTrustFlagOverTypeWhenViolenceAgainstCiviliansIsFlaggedFalse() {
        assertThat(Totals.of(event(EventType.VIOLENCE_AGAINST_CIVILIANS, false, 2)))
                .isEqualTo(new Totals(1, 2, 1, 0, 0));
    }

    @Test
    void shouldCountNeitherViolentNorCivilianWhenProtestHasNoFlag() {
        assertThat(Totals.of(event(EventType.PROTESTS, null, 0))).isEqualTo(new Totals(1, 0, 0, 0, 0));
    }

    @Test
    void shouldRestoreTotalsWhenRevisedEventIsSubtractedAndAddedAgain() {
        // given a cell holding two events, one of which ACLED later revises
        Totals before = Totals.of(event(EventType.BATTLES, false, 4));
        Totals after = Totals.of(event(EventType.VIOLENCE_AGAINST_CIVILIANS, null, 6));
        Totals cell = Totals.of(event(EventType.PROTESTS, null, 0)).plus(before);

        // when
        Totals revised = cell.minus(before).plus(after);

        // then
        assertThat(revised).isEqualTo(new Totals(2, 6, 1, 1, 6));
        assertThat(revised.minus(after).plus(before)).isEqualTo(cell);
    }

    @Test
    void shouldBeZeroWhenOnlyEventIsRemoved() {
        Totals one = Totals.of(event(EventType.BATTLES, null, 3));

        assertThat(Totals.ZERO.plus(one).minus(one).isZero()).isTrue();
        assertThat(one.isZero()).isFalse();
    }

    @Test
    void shouldRefuseNegativeTotalsWhenMoreIsSubtractedThanAdded() {
        Totals one = Totals.of(event(EventType.BATTLES, null, 3));

        assertThatThrownBy(() -> Totals.ZERO.minus(one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void shouldReadEachMetricByApiName() {
        Totals totals = new Totals(1, 2, 3, 4, 5, 6, 7);

        assertThat(Metric.values()).extracting(totals::get).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(Metric.fromApiName("civilianFatalities")).contains(Metric.CIVILIAN_FATALITIES);
        assertThat(Metric.fromApiName("verifiedReports")).contains(Metric.VERIFIED_REPORTS);
    }

    @Property
    void shouldUndoPlusWhenSameTotalsAreSubtracted(@ForAll("totals") Totals a, @ForAll("totals") Totals b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
    }

    @Provide
    Arbitrary<Totals> totals() {
        Arbitrary<Long> count = Arbitraries.longs().between(0, 1_000_000_000L);
        return Combinators.combine(count, count, count, count, count).as(Totals::new);
    }
}
