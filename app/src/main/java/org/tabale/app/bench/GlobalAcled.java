package org.tabale.app.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.tabale.app.demo.SyntheticAcled;
import org.tabale.model.Gazetteer;

/**
 * A synthetic ACLED export at global scale, deterministic from a seed: events over 30 years
 * (1996–2025, more per year as coverage grows) in {@value #REGIONS_PER_COUNTRY} synthetic admin1
 * regions ("Region 17") of each of {@value #COUNTRIES} real countries (ISO3 codes and names
 * from the gazetteer). Regions are drawn by a Zipf law (exponent 1), so a few regions carry most
 * of the violence. Of the events, 40% are repeated on a second row with the actors swapped (a
 * monadic export: same id, same timestamp), 5% are revised later (same id, newer timestamp,
 * changed fatalities) and 1% are deleted later (ACLED's deleted-events form). Rows come out in
 * publication order: an event is published 2 days to 9 weeks after it happened, a revision 1 to
 * 13 weeks after the first version, a deletion 2 to 17 weeks after the last version. The
 * columns are those of {@link SyntheticAcled#HEADER}.
 */
public final class GlobalAcled {

    public static final int COUNTRIES = 100;
    public static final int REGIONS_PER_COUNTRY = 32;
    public static final LocalDate FIRST_DAY = LocalDate.of(1996, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    static final double MONADIC_SHARE = 0.40;
    static final double REVISION_SHARE = 0.05;
    static final double DELETION_SHARE = 0.01;
    private static final long DAY = 86_400;

    /** One input row: an event row (CSV in {@link SyntheticAcled#HEADER} columns) or a deletion ({@code id,deleted_timestamp}). */
    public record Row(Kind kind, String eventId, long published, int fatalities, String csv) {
    }

    public enum Kind { EVENT, DUPLICATE, REVISION, DELETION }

    private record Place(Gazetteer.Country country, String admin1, double lat, double lon) {
    }

    private record Pending(long published, long seq, Row row) {
    }

    private record Type(String disorder, String type, String subType, String actor1, String inter1, String actor2,
                        String inter2, boolean civilians) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("Political violence", "Battles", "Armed clash", "Military Forces", "State forces", "Rebel Group", "Rebel group", false),
            new Type("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Rebel Group",
                    "Rebel group", "Military Forces", "State forces", false),
            new Type("Political violence", "Violence against civilians", "Attack", "Unidentified Armed Group", "Political militia",
                    "Civilians", "Civilians", true),
            new Type("Demonstrations", "Riots", "Mob violence", "Rioters", "Rioters", "Civilians", "Civilians", false),
            new Type("Demonstrations", "Protests", "Peaceful protest", "Protesters", "Protesters", "Police Forces", "State forces", false));

    private final Random random;
    private final List<Place> places;
    private final double[] zipf;
    private final int[] nextId;
    private final long events;
    private final long rowLimit;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong(Pending::published).thenComparingLong(Pending::seq));
    private Consumer<Row> out;
    private long seq;
    private long emitted;

    private GlobalAcled(long seed, long rows, Gazetteer gazetteer) {
        this.random = new Random(seed);
        this.places = places(gazetteer, random);
        this.zipf = zipf(places.size());
        this.nextId = new int[places.size()];
        // Enough events for the rows asked for (each event gives 1.46 rows on average); the last are cut off.
        this.events = (long) Math.ceil(rows / (1 + MONADIC_SHARE + REVISION_SHARE + DELETION_SHARE) * 1.01) + 200;
        this.rowLimit = rows;
    }

    /** Emits exactly {@code rows} rows (fewer only if the 30 years run out), in publication order. */
    public static void generate(long seed, long rows, Gazetteer gazetteer, Consumer<Row> out) {
        GlobalAcled generator = new GlobalAcled(seed, rows, gazetteer);
        generator.out = out;
        generator.run();
    }

    /** The number of regions events are spread over. */
    public static int regions() {
        return COUNTRIES * REGIONS_PER_COUNTRY;
    }

    private void run() {
        long days = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        long allocated = 0;
        for (long d = 0; d < days && emitted < rowLimit; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            flushBefore(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            // Coverage grows: five times as many events a day at the end as at the start.
            double x = (d + 1) / (double) days;
            long upTo = Math.round(events * (x + 2 * x * x) / 3);
            for (; allocated < upTo; allocated++) {
                event(day);
            }
        }
        flushBefore(Long.MAX_VALUE);
    }

    private void flushBefore(long time) {
        while (!pending.isEmpty() && pending.peek().published() < time && emitted < rowLimit) {
            out.accept(pending.poll().row());
            emitted++;
        }
    }

    private void event(LocalDate day) {
        int index = Math.min(places.size() - 1, Math.abs(java.util.Arrays.binarySearch(zipf, random.nextDouble()) + 1));
        Place place = places.get(index);
        String id = place.country().iso3() + (++nextId[index] * REGIONS_PER_COUNTRY * COUNTRIES + index);
        Type type = TYPES.get(random.nextInt(TYPES.size()));
        int fatalities = type.type().equals("Protests") ? 0 : SyntheticAcled.fatalities(random);
        long published = epoch(day.plusDays(2 + Math.min(61, (long) (-9 * Math.log(1 - random.nextDouble())))))
                + random.nextInt((int) DAY);
        double lat = place.lat() + random.nextDouble() - 0.5;
        double lon = place.lon() + random.nextDouble() - 0.5;
        String location = "Town " + random.nextInt(500);
        queue(new Row(Kind.EVENT, id, published, fatalities,
                row(id, day, type, false, place, location, lat, lon, fatalities, published)));
        if (random.nextDouble() < MONADIC_SHARE) {
            queue(new Row(Kind.DUPLICATE, id, published, fatalities,
                    row(id, day, type, true, place, location, lat, lon, fatalities, published)));
        }
        long last = published;
        if (random.nextDouble() < REVISION_SHARE) {
            last = published + (7 + random.nextInt(85)) * DAY;
            int revised = random.nextInt(4) == 0 ? Math.max(0, fatalities - 1) : fatalities + 1 + random.nextInt(5);
            queue(new Row(Kind.REVISION, id, last, revised, row(id, day, type, false, place, location, lat, lon, revised, last)));
        }
        if (random.nextDouble() < DELETION_SHARE) {
            long deleted = last + (14 + random.nextInt(106)) * DAY;
            queue(new Row(Kind.DELETION, id, deleted, 0, id + "," + deleted));
        }
    }

    private void queue(Row row) {
        pending.add(new Pending(row.published(), seq++, row));
    }

    private static String row(String id, LocalDate day, Type t, boolean swapped, Place place, String location, double lat,
                              double lon, int fatalities, long timestamp) {
        String actor1 = (swapped ? t.actor2() : t.actor1()) + " (" + place.country().name() + ")";
        String actor2 = (swapped ? t.actor1() : t.actor2()) + " (" + place.country().name() + ")";
        String inter1 = swapped ? t.inter2() : t.inter1();
        String inter2 = swapped ? t.inter1() : t.inter2();
        String notes = "On " + day + ", synthetic benchmark event near " + location + " (" + place.admin1() + ", "
                + place.country().name() + "): " + t.subType().toLowerCase(Locale.ROOT) + ". " + fatalities + " reported fatalities.";
        return String.join(",", id, day.toString(), String.valueOf(day.getYear()), "1", t.disorder(), t.type(), t.subType(),
                quote(actor1), "", inter1, quote(actor2), "", inter2, quote(inter1 + "-" + inter2),
                t.civilians() ? "Civilian targeting" : "", String.valueOf(place.country().isoNumeric()), "",
                quote(place.country().name()), place.admin1(), "", "", location,
                String.format(Locale.ROOT, "%.4f", lat), String.format(Locale.ROOT, "%.4f", lon), "1",
                "Synthetic", "National", quote(notes), String.valueOf(fatalities), "", String.valueOf(timestamp));
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** {@value #COUNTRIES} countries spread over the gazetteer's ISO list, regions shuffled so hot spots land anywhere. */
    private static List<Place> places(Gazetteer gazetteer, Random random) {
        List<Gazetteer.Country> iso = gazetteer.knownCountries().stream().filter(c -> c.isoNumeric() != null)
                .sorted(Comparator.comparing(Gazetteer.Country::iso3)).toList();
        List<Place> places = new ArrayList<>();
        for (int c = 0; c < COUNTRIES; c++) {
            Gazetteer.Country country = iso.get(c * iso.size() / COUNTRIES);
            double lat = -45 + random.nextDouble() * 100;
            double lon = -170 + random.nextDouble() * 340;
            for (int r = 1; r <= REGIONS_PER_COUNTRY; r++) {
                places.add(new Place(country, "Region " + r, lat + random.nextDouble() * 8 - 4, lon + random.nextDouble() * 8 - 4));
            }
        }
        Collections.shuffle(places, random);
        return List.copyOf(places);
    }

    /** Cumulative Zipf probabilities (exponent 1) over n ranks. */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }
}
