package org.tabale.ingest.parse;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date formats real ACLED exports carry: {@code 2020-12-31} (API, current exports),
 * {@code 31 December 2020} (older exports), {@code 9-May-20} (re-saved in Excel),
 * {@code 29/12/2015} (the 2016 All-Africa file), and Unix seconds.
 */
public final class EventDates {

    // STRICT: an impossible day (31/02/2020) is refused, not moved to the month's last day.
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1990).toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-uuuu").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT))
            .stream().map(format -> format.withResolverStyle(ResolverStyle.STRICT)).toList();

    private EventDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() >= 9 && trimmed.length() <= 11 && digits(trimmed, 0, trimmed.length())) {
            return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(trimmed)), ZoneOffset.UTC));
        }
        if (trimmed.length() > 10 && trimmed.charAt(4) == '-' && trimmed.charAt(10) == ' ') {
            trimmed = trimmed.substring(0, 10); // "2011-03-20 10:15:00", "2019-03-23 00:00:00.000"
        }
        if (trimmed.length() == 10 && trimmed.charAt(4) == '-' && trimmed.charAt(7) == '-' && digits(trimmed, 0, 4)
                && digits(trimmed, 5, 7) && digits(trimmed, 8, 10)) {
            // ISO, nearly every row: without the formatter's machinery.
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(trimmed, 0, 4, 10), Integer.parseInt(trimmed, 5, 7, 10),
                        Integer.parseInt(trimmed, 8, 10, 10)));
            } catch (java.time.DateTimeException noSuchDay) {
                // 2020-02-31: the dialects below decide, as before
            }
        }
        for (DateTimeFormatter format : FORMATS) {
            // Shape first, without exceptions: a file in the last dialect would otherwise throw
            // four of them per row, which costs more than everything else the mapper does.
            ParsePosition position = new ParsePosition(0);
            if (format.parseUnresolved(trimmed, position) == null || position.getIndex() != trimmed.length()) {
                continue;
            }
            try {
                return Optional.of(LocalDate.parse(trimmed, format));
            } catch (DateTimeParseException next) {
                // the shape of this dialect but no such day (31/02/2020): try the next dialect
            }
        }
        return Optional.empty();
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
