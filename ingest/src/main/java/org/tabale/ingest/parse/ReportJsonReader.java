package org.tabale.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabale.ingest.protect.Identity;
import org.tabale.model.JsonSerde;

/**
 * Reads community reports in Tabalé's JSON shape: one object, or an array of them (README,
 * "Community reports"). {@code place} may be nested or its fields given at the top level;
 * {@code category} is a string (a comma list) or an array. Fields it does not know are dropped,
 * unread: they might carry anything.
 *
 * <p>No error message of this class quotes the body: a syntax error is located by line and
 * column only, since the text around it may be a reporter's name or number.
 */
public final class ReportJsonReader {

    private static final List<String> PLACE_FIELDS = List.of("country", "admin1", "admin2", "location", "latitude",
            "longitude");
    private static final List<String> TOP_FIELDS = List.of("title", "description", "dead", "injured",
            "civiliansTargeted", "verification");

    private ReportJsonReader() {
    }

    public static List<ReportRow> read(String text, ReportEdge edge) {
        JsonNode root;
        try {
            root = JsonSerde.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedFormatException("body is not valid JSON" + where(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            throw new FeedFormatException("body is empty: expected a JSON report object or an array of them");
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else if (root.isObject()) {
            elements.add(root);
        } else {
            throw new FeedFormatException("expected a JSON report object or an array of them");
        }
        List<ReportRow> rows = new ArrayList<>(elements.size());
        long position = 0;
        for (JsonNode element : elements) {
            position++;
            rows.add(element.isObject() ? row(position, element, edge)
                    : edge.protect(position, Map.of(), Identity.NONE, "row is not a JSON object"));
        }
        return rows;
    }

    private static ReportRow row(long position, JsonNode report, ReportEdge edge) {
        List<String> problems = new ArrayList<>();
        JsonNode reporter = report.path("reporter");
        Identity identity = identity(reporter, problems);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("id", scalar(report, "id", problems));
        raw.put("date", scalar(report, "date", problems));
        JsonNode place = report.path("place");
        if (!place.isMissingNode() && !place.isNull() && !place.isObject()) {
            problems.add("place must be an object {country, admin1, admin2, location, latitude, longitude}");
        }
        for (String field : PLACE_FIELDS) {
            String nested = place.isObject() ? scalar(place, field, problems) : null;
            raw.put(field, nested != null ? nested : scalar(report, field, problems));
        }
        raw.put("category", category(report.path("category"), problems));
        for (String field : TOP_FIELDS) {
            raw.put(field, scalar(report, field, problems));
        }
        return edge.protect(position, raw, identity, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The reporter object; a reporter given in another shape is still kept from the text, but refused. */
    private static Identity identity(JsonNode reporter, List<String> problems) {
        if (reporter.isMissingNode() || reporter.isNull()) {
            return Identity.NONE;
        }
        if (!reporter.isObject()) {
            problems.add("reporter must be an object {name, phone, account}");
            String text = reporter.isValueNode() ? reporter.asText() : reporter.toString();
            return new Identity(text, text, text);
        }
        String account = text(reporter.path("account"));
        return new Identity(text(reporter.path("name")), text(reporter.path("phone")),
                account != null ? account : text(reporter.path("email")));
    }

    private static String category(JsonNode node, List<String> problems) {
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : node) {
                if (!name.isValueNode()) {
                    problems.add("category must be a string or an array of strings");
                    return null;
                }
                names.add(name.asText());
            }
            return String.join(", ", names);
        }
        return node.isMissingNode() || node.isNull() ? null : scalarOf(node, "category", problems);
    }

    private static String scalar(JsonNode parent, String field, List<String> problems) {
        JsonNode node = parent.path(field);
        return node.isMissingNode() || node.isNull() ? null : scalarOf(node, field, problems);
    }

    private static String scalarOf(JsonNode node, String field, List<String> problems) {
        if (!node.isValueNode()) {
            problems.add(field + " must be a single value, not " + (node.isArray() ? "an array" : "an object"));
            return null;
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
