package org.tabale.app.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the demo's ACLED-format data set: synthetic events in Mali's regions, deterministic
 * from a seed. No ACLED row is copied (their terms forbid redistribution); rates follow the
 * orders of magnitude of ../shared/domain (Mopti about six violent events a week, Bamako almost
 * none; fatalities per event with a long tail) and three surges are planted so the demo alerts:
 * a massacre of civilians in Mopti, a month of attacks in Ménaka, a week of abductions and
 * killings in Ségou. The file also carries the quirks the ingest path must handle: monadic
 * duplicates (one row per actor) and later revisions of an event with a newer timestamp.
 */
public final class SyntheticAcled {

    public static final long SEED = 20_190_323L;
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

    public static final String HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
            + "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
            + "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private record Place(String admin1, String admin2, String location, double lat, double lon, double weeklyRate) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Mopti", "Bankass", "Ogossagou", 14.3, -3.62, 6.0),
            new Place("Gao", "Ansongo", "Ansongo", 15.66, 0.5, 2.1),
            new Place("Tombouctou", "Goundam", "Goundam", 16.41, -3.67, 1.2),
            new Place("Menaka", "Menaka", "Menaka", 15.92, 2.4, 1.0),
            new Place("Segou", "Niono", "Diabaly", 14.69, -6.02, 0.9),
            new Place("Kidal", "Kidal", "Kidal", 18.44, 1.41, 0.5),
            new Place("Koulikoro", "Kati", "Kati", 12.74, -8.07, 0.3),
            new Place("Sikasso", "Koutiala", "Koutiala", 12.39, -5.46, 0.2),
            new Place("Kayes", "Nioro", "Nioro du Sahel", 15.23, -9.59, 0.1),
            new Place("Bamako", "Bamako", "Bamako", 12.65, -8.0, 0.1),
            new Place("Taoudeni", "Araouane", "Araouane", 18.9, -3.53, 0.05));

    private final Random random = new Random(SEED);
    private final List<String> rows = new ArrayList<>();
    private int nextId = 30_000;

    private SyntheticAcled() {
    }

    /** The whole data set as CSV text, header first. */
    public static String csv() {
        SyntheticAcled generator = new SyntheticAcled();
        generator.generate();
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        generator.rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private void generate() {
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            for (Place place : PLACES) {
                int count = poisson(place.weeklyRate() / 7.0);
                for (int i = 0; i < count; i++) {
                    background(day, place);
                }
            }
        }
        surge(LocalDate.of(2025, 3, 23), PLACES.get(0), 1, 157);          // a massacre in one village
        for (int d = 0; d < 30; d += 3) {                                    // a month of attacks in Ménaka
            surge(LocalDate.of(2025, 6, 2).plusDays(d), PLACES.get(3), 1, 4 + random.nextInt(8));
        }
        for (int d = 0; d < 7; d++) {                                        // a week of violence in Ségou
            surge(LocalDate.of(2026, 9, 14).plusDays(d), PLACES.get(4), 1, 2 + random.nextInt(4));
        }
    }

    private void background(LocalDate day, Place place) {
        double kind = random.nextDouble();
        int fatalities = fatalities(random);
        if (kind < 0.33) {
            event(day, place, "Political violence", "Battles", "Armed clash", "Military Forces of Mali (2021-)", "State forces",
                    "JNIM: Group for Support of Islam and Muslims", "Rebel group", false, fatalities, true);
        } else if (kind < 0.47) {
            event(day, place, "Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED",
                    "JNIM: Group for Support of Islam and Muslims", "Rebel group", "Military Forces of Mali (2021-)",
                    "State forces", random.nextDouble() < 0.2, fatalities, false);
        } else if (kind < 0.8) {
            event(day, place, "Political violence", "Violence against civilians", random.nextDouble() < 0.8 ? "Attack"
                    : "Abduction/forced disappearance", "Unidentified Armed Group (Mali)", "Political militia",
                    "Civilians (Mali)", "Civilians", true, Math.max(0, fatalities - 1), true);
        } else if (kind < 0.93) {
            event(day, place, "Demonstrations", "Protests", "Peaceful protest", "Protesters (Mali)", "Protesters", "", "",
                    false, 0, false);
        } else {
            event(day, place, "Strategic developments", "Strategic developments", "Looting/property destruction",
                    "Unidentified Armed Group (Mali)", "Political militia", "", "", false, 0, false);
        }
    }

    private void surge(LocalDate day, Place place, int events, int fatalities) {
        for (int i = 0; i < events; i++) {
            event(day, place, "Political violence", "Violence against civilians", "Attack", "Dan Na Ambassagou",
                    "Identity militia", "Civilians (Mali)", "Civilians", true, fatalities, true);
        }
    }

    private void event(LocalDate day, Place place, String disorder, String type, String subType, String actor1,
                       String inter1, String actor2, String inter2, boolean civilians, int fatalities, boolean monadic) {
        String id = "MLI" + nextId++;
        long published = day.plusDays(3 + random.nextInt(14)).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + random.nextInt(86_400);
        double lat = place.lat() + (random.nextDouble() - 0.5) * 0.4;
        double lon = place.lon() + (random.nextDouble() - 0.5) * 0.4;
        String notes = "Synthetic event for the Tabale demo: " + subType.toLowerCase(Locale.ROOT) + " near " + place.location() + ".";
        rows.add(row(id, day, disorder, type, subType, actor1, inter1, actor2, inter2, civilians, place, lat, lon, notes, fatalities, published));
        if (monadic && !actor2.isEmpty() && random.nextDouble() < 0.4) {
            // ACLED's monadic export: the same event again, actors swapped, same id and timestamp.
            rows.add(row(id, day, disorder, type, subType, actor2, inter2, actor1, inter1, civilians, place, lat, lon, notes, fatalities, published));
        }
        if (random.nextDouble() < 0.05) {
            // A later revision: more deaths confirmed, newer timestamp.
            rows.add(row(id, day, disorder, type, subType, actor1, inter1, actor2, inter2, civilians, place, lat, lon,
                    notes + " Revised.", fatalities + 1 + random.nextInt(3), published + 7 * 86_400));
        }
    }

    private static String row(String id, LocalDate day, String disorder, String type, String subType, String actor1,
                              String inter1, String actor2, String inter2, boolean civilians, Place place, double lat,
                              double lon, String notes, int fatalities, long timestamp) {
        return String.join(",", id, day.toString(), String.valueOf(day.getYear()), "1", disorder, type, subType,
                quote(actor1), "", inter1, quote(actor2), "", inter2, quote(inter1 + "-" + inter2),
                civilians ? "Civilian targeting" : "", "466", "Western Africa", "Mali", place.admin1(), place.admin2(), "",
                place.location(), String.format(Locale.ROOT, "%.4f", lat), String.format(Locale.ROOT, "%.4f", lon), "1",
                "Synthetic", "Other", quote(notes), String.valueOf(fatalities), "", String.valueOf(timestamp));
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains(":") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Fatalities of one synthetic event, skewed as ACLED's are: half none, most a few, one in two
     * hundred a massacre. The bench's generator draws from the same law.
     */
    public static int fatalities(Random random) {
        double u = random.nextDouble();
        if (u < 0.5) {
            return 0;
        }
        if (u < 0.8) {
            return 1 + random.nextInt(2);
        }
        if (u < 0.97) {
            return 3 + random.nextInt(4);
        }
        return 7 + random.nextInt(9);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** Writes the data set to a file: how the bundled copy was made. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), csv());
    }
}
