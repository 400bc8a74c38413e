package org.tabale.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;
import org.tabale.model.Region;

/**
 * Admin-1 boundaries of Mali, Burkina Faso and Niger (30 polygons, derived from the INFORM Sahel
 * TopoJSON of OCHA ROWCA: see NOTICE), each matched to its gazetteer region id. Ménaka and
 * Taoudénit have no polygon of their own in this layout (they lie inside Gao and Tombouctou).
 */
public final class Boundaries {

    private static final String RESOURCE = "/org/tabale/streams/sahel-admin1.geojson";

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

    public static Boundaries bundled(Gazetteer gazetteer) {
        try (InputStream in = Boundaries.class.getResourceAsStream(RESOURCE)) {
            return new Boundaries(JsonSerde.MAPPER.readTree(in), gazetteer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Region ids with a polygon, in file order. */
    public Iterable<String> regionIds() {
        return geometryByRegion.keySet();
    }

    public JsonNode geometry(String regionId) {
        return geometryByRegion.get(regionId);
    }

    /** An empty feature collection to fill. */
    static ArrayNode features(com.fasterxml.jackson.databind.node.ObjectNode collection) {
        collection.put("type", "FeatureCollection");
        return collection.putArray("features");
    }
}
