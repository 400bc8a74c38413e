package org.tabale.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin-1 boundaries of Mali, Burkina Faso and Niger (30 polygons, derived from the INFORM Sahel
 * TopoJSON of OCHA ROWCA: see NOTICE), each matched to its gazetteer region id. Ménaka and
 * Taoudénit have no polygon of their own in this layout (they lie inside Gao and Tombouctou).
 * Shared by the analysts' GeoJSON snapshot (streams) and the CAP areas (alerts).
 */
public final class Boundaries {

    private static final String RESOURCE = "/org/tabale/model/sahel-admin1.geojson";

    /** A GeoJSON position: longitude then latitude, in decimal degrees (WGS 84). */
    public record Position(double lon, double lat) {
    }

    private final Map<String, JsonNode> geometryByRegion = new LinkedHashMap<>();

    private Boundaries(JsonNode collection, Gazetteer gazetteer) {
        for (JsonNode feature : collection.path("features")) {
            JsonNode props = feature.path("properties");
            String query = props.path("country_code").asText() + "/" + props.path("ADM1_NAME").asText();
            Region region = gazetteer.lookup(query)
                    .orElseThrow(() -> new IllegalStateException("boundary " + query + " matches no gazetteer region"));
            geometryByRegion.put(region.id(), feature.path("geometry"));
        }
    }

    /** The bundled boundaries, matched to the regions of {@code gazetteer}. */
    public static Boundaries bundled(Gazetteer gazetteer) {
        try (InputStream in = Boundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("boundaries resource missing: " + RESOURCE);
            }
            return new Boundaries(JsonSerde.MAPPER.readTree(in), gazetteer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Region ids with a polygon, in file order. */
    public Iterable<String> regionIds() {
        return Collections.unmodifiableSet(geometryByRegion.keySet());
    }

    /** The GeoJSON geometry (Polygon or MultiPolygon) of a region; null where none is known. */
    public JsonNode geometry(String regionId) {
        return geometryByRegion.get(regionId);
    }

    /**
     * The outer rings of a region's polygons (holes left out), each closed (first = last), in
     * file order; empty where the region has no polygon.
     */
    public List<List<Position>> outerRings(String regionId) {
        JsonNode geometry = geometryByRegion.get(regionId);
        if (geometry == null) {
            return List.of();
        }
        List<JsonNode> polygons = new ArrayList<>();
        switch (geometry.path("type").asText()) {
            case "Polygon" -> polygons.add(geometry.path("coordinates"));
            case "MultiPolygon" -> geometry.path("coordinates").forEach(polygons::add);
            default -> throw new IllegalStateException("region " + regionId + " has a "
                    + geometry.path("type").asText() + " geometry, not a polygon");
        }
        List<List<Position>> rings = new ArrayList<>();
        for (JsonNode polygon : polygons) {
            List<Position> ring = new ArrayList<>();
            polygon.path(0).forEach(p -> ring.add(new Position(p.path(0).asDouble(), p.path(1).asDouble())));
            if (!ring.isEmpty() && !ring.get(0).equals(ring.get(ring.size() - 1))) {
                ring.add(ring.get(0));
            }
            rings.add(List.copyOf(ring));
        }
        return List.copyOf(rings);
    }

    /** Makes {@code collection} an empty GeoJSON feature collection and returns its features array to fill. */
    public static ArrayNode features(ObjectNode collection) {
        collection.put("type", "FeatureCollection");
        return collection.putArray("features");
    }
}
