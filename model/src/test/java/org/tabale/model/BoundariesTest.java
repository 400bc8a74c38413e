package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabale.model.Boundaries.Position;

class BoundariesTest {

    private static final Boundaries BOUNDARIES = Boundaries.bundled(Gazetteer.bundled());

    @Test
    void shouldMatchEveryPolygonToAGazetteerRegion() {
        assertThat(BOUNDARIES.regionIds()).hasSize(30).contains("MLI.Mopti", "MLI.Tombouctou", "BFA.Sahel", "NER.Tillaberi");
    }

    @Test
    void shouldGiveClosedOuterRingsAroundTheRegion() {
        List<List<Position>> rings = BOUNDARIES.outerRings("MLI.Mopti");

        assertThat(rings).hasSize(1);
        List<Position> ring = rings.get(0);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        // Mopti lies roughly between 13°N and 16°N, 5°W and 1°W.
        assertThat(ring).allSatisfy(p -> {
            assertThat(p.lat()).isBetween(12.5, 16.5);
            assertThat(p.lon()).isBetween(-6.0, -0.5);
        });
    }

    @Test
    void shouldGiveOneRingPerPartOfAMultiPolygon() {
        assertThat(BOUNDARIES.outerRings("MLI.Sikasso")).hasSize(2);
    }

    @Test
    void shouldGiveNoRingForARegionWithoutPolygon() {
        assertThat(BOUNDARIES.outerRings("MLI.Menaka")).isEmpty();
        assertThat(BOUNDARIES.geometry("MLI.Menaka")).isNull();
    }
}
