package org.tabale.alerts.cap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.model.Boundaries;
import org.tabale.model.Boundaries.Position;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * The CAP {@code <area>} of an alert's region: a description, the region's polygons where the
 * bundled boundaries have them, and its geocodes ({@code ISO3166-2} such as {@code ML-5}, and the
 * OCHA P-code as {@code PCODE} such as {@code ML05}; a country-wide alert gets {@code ISO3166-1}).
 *
 * <p>Polygons are bounded: at most {@code maxPolygons} parts (the largest; parts under 1% of the
 * largest one, such as small islands of river bank, are left out) of at most {@code maxPoints}
 * points each, simplified by {@link PolygonSimplifier}. The geocodes stay exact; the polygon is
 * a drawing aid. A region without a polygon (Ménaka, Taoudénit: inside Gao and Tombouctou in
 * the bundled layout) gets geocodes only rather than the larger region's shape.
 *
 * @param description the CAP {@code areaDesc}: {@code Mopti, Mali}
 * @param polygons    CAP polygons: {@code lat,lon} pairs separated by spaces, first = last
 * @param geocodes    value name and value pairs
 */
public record CapArea(String description, List<String> polygons, List<Geocode> geocodes) {

    /** A CAP {@code <geocode>}. */
    public record Geocode(String valueName, String value) {
    }

    public CapArea {
        Objects.requireNonNull(description, "description");
        polygons = List.copyOf(polygons);
        geocodes = List.copyOf(geocodes);
    }

    /** The area of a region, with polygons bounded as the class comment says. */
    public static CapArea of(Alert.RegionRef ref, Gazetteer gazetteer, Boundaries boundaries, int maxPolygons, int maxPoints) {
        Optional<Region> region = gazetteer.lookup(ref.id());
        List<Geocode> geocodes = new ArrayList<>();
        if (region.isPresent()) {
            Region r = region.get();
            if (r.iso3166_2() != null) {
                geocodes.add(new Geocode("ISO3166-2", r.iso3166_2()));
            }
            if (r.pcode() != null) {
                geocodes.add(new Geocode("PCODE", r.pcode()));
            }
        } else {
            gazetteer.country(ref.id()).ifPresent(c -> geocodes.add(new Geocode("ISO3166-1", c.iso3())));
        }
        String description = ref.admin1() == null || ref.admin1().isBlank() ? ref.country() : ref.admin1() + ", " + ref.country();
        String id = region.map(Region::id).orElse(ref.id());
        return new CapArea(description, polygons(boundaries.outerRings(id), maxPolygons, maxPoints), geocodes);
    }

    private static List<String> polygons(List<List<Position>> rings, int maxPolygons, int maxPoints) {
        double largest = rings.stream().mapToDouble(PolygonSimplifier::area).max().orElse(0);
        return rings.stream()
                .filter(ring -> PolygonSimplifier.area(ring) >= largest / 100)
                .sorted(Comparator.comparingDouble(PolygonSimplifier::area).reversed())
                .limit(maxPolygons)
                .map(ring -> PolygonSimplifier.simplify(ring, maxPoints))
                .map(CapArea::capPolygon)
                .toList();
    }

    /** {@code lat,lon} pairs with 4 decimals (about 11 m, finer than the simplified outline). */
    static String capPolygon(List<Position> ring) {
        return ring.stream().map(p -> String.format(Locale.ROOT, "%.4f,%.4f", p.lat(), p.lon()))
                .collect(Collectors.joining(" "));
    }
}
