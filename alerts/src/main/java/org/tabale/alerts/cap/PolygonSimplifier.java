package org.tabale.alerts.cap;

import java.util.ArrayList;
import java.util.List;
import org.tabale.model.Boundaries.Position;

/**
 * Shrinks a closed ring to at most a given number of points with Douglas-Peucker, choosing the
 * smallest tolerance (by bisection) that meets the bound, so the shape is kept as well as the
 * budget allows. CAP consumers (phones, sirens, aggregators) choke on polygons of thousands of
 * points; Kayes alone has 4,237 in the bundled boundaries.
 */
public final class PolygonSimplifier {

    private static final int BISECTIONS = 50;

    private PolygonSimplifier() {
    }

    /**
     * The ring with at most {@code maxPoints} points (the closing point counted), still closed,
     * keeping the first point. A ring already within the bound is returned as it is.
     */
    public static List<Position> simplify(List<Position> ring, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("a closed ring needs at least 4 points, asked for " + maxPoints);
        }
        if (ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw new IllegalArgumentException("not a closed ring of at least 4 points: " + ring.size() + " points");
        }
        if (ring.size() <= maxPoints) {
            return List.copyOf(ring);
        }
        double low = 0;
        double high = extent(ring);
        List<Position> best = triangle(ring);
        for (int i = 0; i < BISECTIONS; i++) {
            double tolerance = (low + high) / 2;
            List<Position> candidate = atTolerance(ring, tolerance);
            if (candidate.size() <= maxPoints) {
                best = candidate;
                high = tolerance;
            } else {
                low = tolerance;
            }
        }
        return best.size() >= 4 ? best : triangle(ring);
    }

    /** The ring simplified at a tolerance in degrees: split at the point farthest from the start, then Douglas-Peucker on each half. */
    static List<Position> atTolerance(List<Position> ring, double tolerance) {
        int far = farthestFrom(ring, 0);
        boolean[] keep = new boolean[ring.size()];
        keep[0] = true;
        keep[far] = true;
        keep[ring.size() - 1] = true;
        douglasPeucker(ring, 0, far, tolerance, keep);
        douglasPeucker(ring, far, ring.size() - 1, tolerance, keep);
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            if (keep[i]) {
                out.add(ring.get(i));
            }
        }
        return out;
    }

    private static void douglasPeucker(List<Position> ring, int from, int to, double tolerance, boolean[] keep) {
        if (to - from < 2) {
            return;
        }
        int index = -1;
        double max = -1;
        for (int i = from + 1; i < to; i++) {
            double d = distanceToSegment(ring.get(i), ring.get(from), ring.get(to));
            if (d > max) {
                max = d;
                index = i;
            }
        }
        if (max > tolerance) {
            keep[index] = true;
            douglasPeucker(ring, from, index, tolerance, keep);
            douglasPeucker(ring, index, to, tolerance, keep);
        }
    }

    /** The simplest closed ring: the start, the farthest point, the farthest from both, the start. */
    private static List<Position> triangle(List<Position> ring) {
        int far = farthestFrom(ring, 0);
        int third = -1;
        double max = -1;
        for (int i = 1; i < ring.size() - 1; i++) {
            double d = distanceToSegment(ring.get(i), ring.get(0), ring.get(far));
            if (i != far && d > max) {
                max = d;
                third = i;
            }
        }
        List<Position> out = new ArrayList<>(List.of(ring.get(0), ring.get(Math.min(far, third)), ring.get(Math.max(far, third))));
        out.add(ring.get(0));
        return out;
    }

    private static int farthestFrom(List<Position> ring, int origin) {
        int far = 1;
        double max = -1;
        for (int i = 1; i < ring.size() - 1; i++) {
            double d = Math.hypot(ring.get(i).lon() - ring.get(origin).lon(), ring.get(i).lat() - ring.get(origin).lat());
            if (d > max) {
                max = d;
                far = i;
            }
        }
        return far;
    }

    private static double extent(List<Position> ring) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (Position p : ring) {
            minLon = Math.min(minLon, p.lon());
            maxLon = Math.max(maxLon, p.lon());
            minLat = Math.min(minLat, p.lat());
            maxLat = Math.max(maxLat, p.lat());
        }
        return Math.hypot(maxLon - minLon, maxLat - minLat);
    }

    private static double distanceToSegment(Position p, Position a, Position b) {
        double dx = b.lon() - a.lon();
        double dy = b.lat() - a.lat();
        double lengthSquared = dx * dx + dy * dy;
        if (lengthSquared == 0) {
            return Math.hypot(p.lon() - a.lon(), p.lat() - a.lat());
        }
        double t = Math.max(0, Math.min(1, ((p.lon() - a.lon()) * dx + (p.lat() - a.lat()) * dy) / lengthSquared));
        return Math.hypot(p.lon() - (a.lon() + t * dx), p.lat() - (a.lat() + t * dy));
    }

    /** The area of a ring in square degrees (shoelace), to rank the parts of a multipolygon. */
    static double area(List<Position> ring) {
        double twice = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            twice += ring.get(i).lon() * ring.get(i + 1).lat() - ring.get(i + 1).lon() * ring.get(i).lat();
        }
        return Math.abs(twice) / 2;
    }
}
