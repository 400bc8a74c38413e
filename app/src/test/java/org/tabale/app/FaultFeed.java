package org.tabale.app;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.tabale.app.demo.SyntheticAcled;
import org.tabale.model.Gazetteer;

/**
 * A synthetic ACLED feed for the fault tests, deterministic from a seed, in the regions of one
 * country that no other IT writes: background violence (about two events a region a day, the
 * demo's law of fatalities), bursts of attacks on civilians that raise alerts, and the quirks of
 * real feeds: 30% of events repeated on a second row (a monadic export), 5% revised later (newer
 * timestamp, other fatalities), 2% deleted later, 2% published years after they happened. Rows come
 * in publication order and are cut into requests: event rows as CSV, deletions as ACLED's JSON
 * form. The bench's {@code GlobalAcled} spreads rows over 3,200 regions and 30 years, too thin to
 * alert at test sizes and too many regions to check every date of.
 */
final class FaultFeed {

    static final String HEADER = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,civilian_targeting,"
            + "country,admin1,fatalities,timestamp";
    private static final long DAY = 86_400;
    private static final double EVENTS_PER_REGION_DAY = 1.8;

    /** One request: a CSV of event rows, or a JSON array of deletions; and the versions it carries. */
    record Batch(int index, boolean deletions, String body, int rows, List<Version> versions) {
        String path() {
            return deletions ? "/api/v1/events/deletions" : "/api/v1/events";
        }

        String contentType() {
            return deletions ? "application/json" : "text/csv";
        }
    }

    /** A version a row carries: an event with its timestamp, or a deletion (no event) with its own. */
    record Version(String eventId, Recomputation.Event event, long timestamp) {
    }

    private record Row(long published, long seq, String eventId, String csv, long deletedAt, Version version) {
    }

    private record Type(String type, String subType, String actor1, String actor2, boolean violent, boolean civilian) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("Battles", "Armed clash", "Military Forces", "Rebel Group", true, false),
            new Type("Explosions/Remote violence", "Remote explosive/landmine/IED", "Rebel Group", "Military Forces", true, false),
            new Type("Violence against civilians", "Attack", "Unidentified Armed Group", "Civilians", true, true),
            new Type("Riots", "Mob violence", "Rioters", "Civilians", false, false),
            new Type("Protests", "Peaceful protest", "Protesters", "Police Forces", false, false));

    private final String country;
    private final List<String> regionIds;
    private final LocalDate first;
    private final LocalDate last;
    private final List<Batch> batches;
    private final Recomputation expected;
    private final int events;
    private final int rows;

    private FaultFeed(String country, List<String> regionIds, LocalDate first, LocalDate last, List<Batch> batches,
                      Recomputation expected, int events, int rows) {
        this.country = country;
        this.regionIds = regionIds;
        this.first = first;
        this.last = last;
        this.batches = batches;
        this.expected = expected;
        this.events = events;
        this.rows = rows;
    }

    /**
     * About {@code events} events (bursts add a few) up to {@code last}, over as many days before it
     * as keep about two events a region a day, with ids {@code idPrefix} and a number.
     */
    static FaultFeed generate(long seed, int events, String country, List<String> admin1s, String idPrefix, LocalDate last,
                              int batchRows) {
        Random random = new Random(seed);
        Gazetteer gazetteer = Gazetteer.bundled();
        String iso3 = gazetteer.country(country).orElseThrow().iso3();
        List<String> regionIds = admin1s.stream().map(a -> gazetteer.region(iso3, country, a).id()).toList();
        int days = (int) Math.ceil(events / (admin1s.size() * EVENTS_PER_REGION_DAY));
        LocalDate first = last.minusDays(days - 1L);
        List<Row> rows = new ArrayList<>();
        Recomputation.Builder truth = Recomputation.builder();
        long[] seq = {0};
        int made = 0;
        for (int n = 0; n < events; n++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            int region = (int) Math.min(admin1s.size() - 1, Math.floor(Math.pow(random.nextDouble(), 1.5) * admin1s.size()));
            Type type = TYPES.get(random.nextInt(TYPES.size()));
            event(random, idPrefix + (++made), day, region, type, type.type().equals("Protests") ? 0
                    : SyntheticAcled.fatalities(random), admin1s, regionIds, country, rows, truth, seq);
            if (random.nextDouble() < 1.0 / 300) {
                // A burst: attacks on civilians in one region within three days, enough to cross the 7-day threshold.
                int attacks = 3 + random.nextInt(4);
                for (int a = 0; a < attacks; a++) {
                    LocalDate on = day.plusDays(random.nextInt(3));
                    event(random, idPrefix + (++made), on.isAfter(last) ? day : on, region, TYPES.get(2), 3 + random.nextInt(6),
                            admin1s, regionIds, country, rows, truth, seq);
                }
            }
        }
        rows.sort(Comparator.comparingLong(Row::published).thenComparingLong(Row::seq));
        return new FaultFeed(country, regionIds, first, last, cut(rows, batchRows), truth.build(), made, rows.size());
    }

    /** Queues an event's rows: its first version, maybe a monadic repeat, a revision, a deletion. */
    private static void event(Random random, String id, LocalDate day, int region, Type type, int fatalities, List<String> admin1s,
                             List<String> regionIds, String country, List<Row> rows, Recomputation.Builder truth, long[] seq) {
        long published = epoch(day) + (2 + (long) Math.min(60, -9 * Math.log(1 - random.nextDouble()))) * DAY
                + random.nextInt((int) DAY);
        if (random.nextDouble() < 0.02) {
            published += (365 + random.nextInt(730)) * DAY; // published years late
        }
        String admin1 = admin1s.get(region);
        Recomputation.Event first = new Recomputation.Event(id, regionIds.get(region), day, type.violent(), type.civilian(), fatalities);
        rows.add(new Row(published, seq[0]++, id, csv(id, day, type, false, country, admin1, fatalities, published), -1,
                new Version(id, first, published)));
        truth.event(first, published);
        if (random.nextDouble() < 0.30) {
            rows.add(new Row(published, seq[0]++, id, csv(id, day, type, true, country, admin1, fatalities, published), -1,
                    new Version(id, first, published)));
        }
        long latest = published;
        if (random.nextDouble() < 0.05) {
            latest = published + (7 + random.nextInt(85)) * DAY;
            int revised = random.nextInt(4) == 0 ? Math.max(0, fatalities - 1) : fatalities + 1 + random.nextInt(5);
            Recomputation.Event revision = new Recomputation.Event(id, regionIds.get(region), day, type.violent(), type.civilian(),
                    revised);
            rows.add(new Row(latest, seq[0]++, id, csv(id, day, type, false, country, admin1, revised, latest), -1,
                    new Version(id, revision, latest)));
            truth.event(revision, latest);
        }
        if (random.nextDouble() < 0.02) {
            long deleted = latest + (14 + random.nextInt(106)) * DAY;
            rows.add(new Row(deleted, seq[0]++, id, null, deleted, new Version(id, null, deleted)));
            truth.deletion(id, deleted);
        }
    }

    private static String csv(String id, LocalDate day, Type t, boolean swapped, String country, String admin1, int fatalities,
                              long timestamp) {
        String actor1 = (swapped ? t.actor2() : t.actor1()) + " (" + country + ")";
        String actor2 = (swapped ? t.actor1() : t.actor2()) + " (" + country + ")";
        return String.join(",", id, day.toString(), String.valueOf(day.getYear()), t.type(), t.subType(), actor1, actor2,
                t.civilian() ? "Civilian targeting" : "", country, admin1, String.valueOf(fatalities), String.valueOf(timestamp));
    }

    /** Cuts rows into requests of at most {@code batchRows}: within a cut, its events, then its deletions. */
    private static List<Batch> cut(List<Row> rows, int batchRows) {
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += batchRows) {
            List<Row> cut = rows.subList(start, Math.min(rows.size(), start + batchRows));
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            StringBuilder deletions = new StringBuilder("[");
            List<Version> events = new ArrayList<>();
            List<Version> deleted = new ArrayList<>();
            for (Row row : cut) {
                if (row.csv() != null) {
                    csv.append(row.csv()).append('\n');
                    events.add(row.version());
                } else {
                    deletions.append(deleted.isEmpty() ? "" : ",").append("{\"event_id_cnty\":\"").append(row.eventId())
                            .append("\",\"deleted_timestamp\":").append(row.deletedAt()).append('}');
                    deleted.add(row.version());
                }
            }
            if (!events.isEmpty()) {
                batches.add(new Batch(batches.size(), false, csv.toString(), events.size(), List.copyOf(events)));
            }
            if (!deleted.isEmpty()) {
                batches.add(new Batch(batches.size(), true, deletions.append(']').toString(), deleted.size(), List.copyOf(deleted)));
            }
        }
        return List.copyOf(batches);
    }

    /** The figures once these requests, and only these, are taken, in any order. */
    static Recomputation expected(Collection<Batch> taken) {
        Recomputation.Builder truth = Recomputation.builder();
        for (Batch batch : taken) {
            for (Version v : batch.versions()) {
                if (v.event() == null) {
                    truth.deletion(v.eventId(), v.timestamp());
                } else {
                    truth.event(v.event(), v.timestamp());
                }
            }
        }
        return truth.build();
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** The requests, in publication order. */
    List<Batch> batches() {
        return batches;
    }

    /** The figures every region, date and window must show once everything is ingested. */
    Recomputation expected() {
        return expected;
    }

    /** The region ids of the feed, whether or not events of them are still live. */
    List<String> regionIds() {
        return regionIds;
    }

    String country() {
        return country;
    }

    /** The first event date. */
    LocalDate first() {
        return first;
    }

    /** The last event date. */
    LocalDate last() {
        return last;
    }

    /** Distinct events, bursts included. */
    int events() {
        return events;
    }

    /** Rows of every kind: events, repeats, revisions, deletions. */
    int rows() {
        return rows;
    }
}
