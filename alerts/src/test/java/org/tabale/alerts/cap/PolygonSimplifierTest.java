package org.tabale.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tabale.model.Boundaries;
import org.tabale.model.Boundaries.Position;
import org.tabale.model.Gazetteer;

class PolygonSimplifierTest {

    /** A 2°×2° square walked in 400 small steps: only its 4 corners matter. */
    private static List<Position> denseSquare() {
        List<Position> ring = new ArrayList<>();
        for (int side = 0; side < 4; side++) {
            for (int step = 0; step < 100; step++) {
                double t = step / 50.0;
                ring.add(switch (side) {
                    case 0 -> new Position(t, 0);
                    case 1 -> new Position(2, t);
                    case 2 -> new Position(2 - t, 2);
                    default -> new Position(0, 2 - t);
                });
            }
        }
        ring.add(ring.get(0));
        return ring;
    }

    @Test
    void shouldKeepTheCornersOfASquare() {
        assertThat(PolygonSimplifier.simplify(denseSquare(), 10)).containsExactly(
                new Position(0, 0), new Position(2, 0), new Position(2, 2), new Position(0, 2), new Position(0, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 20, 100, 250})
    void shouldBoundEveryRegionOfTheBundledBoundaries(int maxPoints) {
        Boundaries boundaries = Boundaries.bundled(Gazetteer.bundled());
        for (String id : boundaries.regionIds()) {
            for (List<Position> ring : boundaries.outerRings(id)) {
                List<Position> simple = PolygonSimplifier.simplify(ring, maxPoints);

                assertThat(simple).as(id).hasSizeBetween(4, maxPoints);
                assertThat(simple.get(0)).as(id).isEqualTo(simple.get(simple.size() - 1));
                assertThat(ring).as("only points of the outline").containsAll(simple);
            }
        }
    }

    @Test
    void shouldLeaveASmallRingAsItIs() {
        List<Position> ring = List.of(new Position(0, 0), new Position(1, 0), new Position(0, 1), new Position(0, 0));

        assertThat(PolygonSimplifier.simplify(ring, 100)).isEqualTo(ring);
    }

    @Test
    void shouldRefuseAnOpenRingOrABoundBelowFour() {
        List<Position> open = List.of(new Position(0, 0), new Position(1, 0), new Position(0, 1), new Position(1, 1));

        assertThatThrownBy(() -> PolygonSimplifier.simplify(open, 10)).hasMessageContaining("closed ring");
        assertThatThrownBy(() -> PolygonSimplifier.simplify(denseSquare(), 3)).hasMessageContaining("at least 4");
    }
}
