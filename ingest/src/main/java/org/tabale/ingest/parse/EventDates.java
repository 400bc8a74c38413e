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
        if (trimmed.matches("\\d{9,11}")) {
            return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(trimmed)), ZoneOffset.UTC));
        }
        if (trimmed.length() > 10 && trimmed.charAt(4) == '-' && trimmed.charAt(10) == ' ') {
            trimmed = trimmed.substring(0, 10); // "2011-03-20 10:15:00", "2019-03-23 00:00:00.000"
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
}
