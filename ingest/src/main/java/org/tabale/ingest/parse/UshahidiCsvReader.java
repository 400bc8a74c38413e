package org.tabale.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tabale.ingest.protect.Identity;

/**
 * Reads a Ushahidi v2 CSV export ({@code #,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,
 * CATEGORY,LATITUDE,LONGITUDE,...,APPROVED,VERIFIED}): any subset of the optional columns, in any
 * order, multi-line quoted descriptions, HTML character references. The personal-information
 * columns of the export ({@code FIRST NAME}, {@code LAST NAME}, {@code EMAIL}) and a custom
 * {@code PHONE} column are the reporter; other custom-form columns are dropped, unread.
 *
 * <p>No error message of this class quotes the body (the first line of a file that is not an
 * export may be a row with a reporter's name).
 */
public final class UshahidiCsvReader {

    /** Columns every Ushahidi v2 export has. */
    public static final Set<String> REQUIRED = Set.of("#", "incident title", "incident date");
    private static final List<String> PHONE_COLUMNS = List.of("phone", "phone number", "mobile", "telephone");

    private UshahidiCsvReader() {
    }

    public static List<ReportRow> read(String text, ReportEdge edge) {
        List<FeedRow> rows;
        try {
            rows = CsvFeedReader.read(text, REQUIRED);
        } catch (FeedFormatException e) {
            throw new FeedFormatException(safe(e));
        }
        List<ReportRow> protectedRows = new ArrayList<>(rows.size());
        for (FeedRow row : rows) {
            Identity identity = new Identity(join(row.get("first name"), row.get("last name")),
                    PHONE_COLUMNS.stream().map(row::get).filter(v -> v != null).findFirst().orElse(null),
                    row.get("email"));
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("id", row.get("#"));
            raw.put("title", HtmlText.plain(row.get("incident title")));
            raw.put("date", row.get("incident date"));
            raw.put("country", row.get("country"));
            raw.put("admin1", row.get("admin1"));
            raw.put("location", HtmlText.plain(row.get("location")));
            raw.put("latitude", row.get("latitude"));
            raw.put("longitude", row.get("longitude"));
            raw.put("category", HtmlText.plain(row.get("category")));
            raw.put("description", HtmlText.plain(row.get("description")));
            raw.put("approved", row.get("approved"));
            raw.put("verification", row.get("verified"));
            protectedRows.add(edge.protect(row.row(), raw, identity, null));
        }
        return protectedRows;
    }

    private static String join(String first, String last) {
        String name = Stream.of(first, last).filter(v -> v != null).collect(Collectors.joining(" "));
        return name.isEmpty() ? null : name;
    }

    /** The reader's message without any quoted text of the body. */
    private static String safe(FeedFormatException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("not a recognised")) {
            return "not a Ushahidi v2 CSV export: the header must name #, INCIDENT TITLE and INCIDENT DATE";
        }
        if (message.startsWith("body is not valid CSV")) {
            return "body is not valid CSV (a quote left open, or text after a closing quote)";
        }
        return message.startsWith("body is empty") || message.startsWith("body has no header") ? message
                : "body is not a Ushahidi v2 CSV export";
    }
}
