package org.tabale.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tabale.model.JsonSerde;

/**
 * Reads a JSON feed: a plain array of objects, ACLED's API envelope {@code {"status":200,"data":[...]}}
 * or UCDP's {@code {"TotalCount":…,"Result":[...]}}. Values may be strings (as ACLED's API sends
 * numbers) or numbers. HDX HAPI's aggregates are refused as a whole, as in CSV.
 */
public final class JsonFeedReader {

    private JsonFeedReader() {
    }

    public static List<FeedRow> read(String text) {
        JsonNode root;
        try {
            root = JsonSerde.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new FeedFormatException("body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode array = root != null && root.isObject() ? envelope(root) : root;
        if (array == null || !array.isArray()) {
            throw new FeedFormatException("expected a JSON array of rows, or an object with a \"data\" (ACLED)"
                    + " or \"Result\" (UCDP) array");
        }
        List<FeedRow> rows = new ArrayList<>();
        long position = 0;
        for (JsonNode element : array) {
            position++;
            Map<String, String> fields = new HashMap<>();
            if (element.isObject()) {
                for (Map.Entry<String, JsonNode> field : element.properties()) {
                    JsonNode value = field.getValue();
                    if (!value.isNull() && !value.isContainerNode()) {
                        fields.put(field.getKey().toLowerCase(Locale.ROOT), value.asText());
                    }
                }
            }
            if (position == 1) {
                FeedShapes.refuseAggregates(fields.keySet());
            }
            rows.add(FeedRow.withOriginal(position, fields, element::toString));
        }
        return rows;
    }

    private static JsonNode envelope(JsonNode root) {
        return root.has("data") ? root.get("data") : root.get("Result");
    }
}
