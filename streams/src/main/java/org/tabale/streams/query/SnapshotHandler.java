package org.tabale.streams.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tabale.model.Boundaries;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;
import org.tabale.model.Figures;
import org.tabale.model.Metric;
import org.tabale.model.Totals;
import org.tabale.model.Region;
import org.tabale.streams.topology.SeenRegion;
import org.tabale.streams.topology.StatsSettings;

/**
 * {@code GET /api/v1/stats/snapshot?date=D&window=W&sort=METRIC&order=desc&limit=N&format=json|csv|geojson}:
 * every region on one date, ranked by a metric (civilian fatalities by default): the regions with
 * figures and every region with a boundary (zero where nothing happened). {@code date} defaults to
 * the latest day with figures. GeoJSON gives one feature per region with a boundary.
 */
public final class SnapshotHandler implements Handler {

    public static final String PATH = "/api/v1/stats/snapshot";

    /** One region's row of the snapshot. */
    public record Row(int rank, String id, String country, String admin1, boolean known, Long population, long events,
                      long fatalities, long violentEvents, long civilianEvents, long civilianFatalities,
                      long reports, long verifiedReports, Figures perDay, Figures per100k) {

        Row ranked(int rank) {
            return new Row(rank, id, country, admin1, known, population, events, fatalities, violentEvents, civilianEvents,
                    civilianFatalities, reports, verifiedReports, perDay, per100k);
        }
    }

    private final StatsQuery query;
    private final Gazetteer gazetteer;
    private final Boundaries boundaries;

    public SnapshotHandler(StatsQuery query, Gazetteer gazetteer, Boundaries boundaries) {
        this.query = query;
        this.gazetteer = gazetteer;
        this.boundaries = boundaries;
    }

    @Override
    public void handle(Context ctx) {
        StatsQuery query = this.query.as(ctx.header("Authorization"));
        int window = window(ctx.queryParam("window"));
        Metric sort = ctx.queryParam("sort") == null ? Metric.CIVILIAN_FATALITIES : Metric.fromApiName(ctx.queryParam("sort"))
                .orElseThrow(() -> new BadRequestResponse("sort must be one of events, fatalities, violentEvents, civilianEvents, "
                        + "civilianFatalities, reports, verifiedReports; was '" + ctx.queryParam("sort") + "'", Map.of("parameter", "sort")));
        String order = ctx.queryParamAsClass("order", String.class).getOrDefault("desc").toLowerCase(Locale.ROOT);
        if (!order.equals("desc") && !order.equals("asc")) {
            throw new BadRequestResponse("order must be asc or desc", Map.of("parameter", "order"));
        }
        int limit = limit(ctx.queryParam("limit"));
        Map<String, Region> regions = regions(query);
        LocalDate date = date(ctx.queryParam("date"), regions.keySet(), query);
        List<Row> rows = rank(query, regions.values(), date, window, sort, order.equals("asc"), limit);
        String format = format(ctx);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(csv(rows, date, window));
            case "geojson" -> ctx.contentType("application/geo+json").result(geojson(rows, date, window));
            default -> ctx.json(Map.of("date", date, "window", window, "sort", sort.apiName(), "regions", rows));
        }
    }

    private Map<String, Region> regions(StatsQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        boundaries.regionIds().forEach(ids::add);
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Map.Entry<String, SeenRegion> entry : query.regions().entrySet()) {
            String id = entry.getKey();
            regions.put(id, gazetteer.lookup(id).orElseGet(() -> new Region(id, id.substring(0, Math.max(0, id.indexOf('.'))),
                    entry.getValue().country(), entry.getValue().admin1(), null, null, null, List.of(), false)));
        }
        for (String id : ids) {
            gazetteer.lookup(id).ifPresent(region -> regions.putIfAbsent(id, region));
        }
        return regions;
    }

    private static List<Row> rank(StatsQuery query, Iterable<Region> regions, LocalDate date, int window, Metric sort, boolean ascending, int limit) {
        List<Row> rows = new ArrayList<>();
        for (Region region : regions) {
            Totals t = query.window(region.id(), date, window);
            rows.add(new Row(0, region.id(), region.country(), region.admin1(), region.known(), region.population(), t.events(),
                    t.fatalities(), t.violentEvents(), t.civilianEvents(), t.civilianFatalities(), t.reports(), t.verifiedReports(),
                    Figures.rates(t, window), region.population() == null ? null : Figures.rates(t, region.population() / 100_000d)));
        }
        Comparator<Row> byMetric = Comparator.comparingLong(r -> value(r, sort));
        rows.sort((ascending ? byMetric : byMetric.reversed()).thenComparing(Row::id));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            ranked.add(rows.get(i).ranked(i + 1));
        }
        return ranked;
    }

    private static long value(Row row, Metric metric) {
        return switch (metric) {
            case EVENTS -> row.events();
            case FATALITIES -> row.fatalities();
            case VIOLENT_EVENTS -> row.violentEvents();
            case CIVILIAN_EVENTS -> row.civilianEvents();
            case CIVILIAN_FATALITIES -> row.civilianFatalities();
            case REPORTS -> row.reports();
            case VERIFIED_REPORTS -> row.verifiedReports();
        };
    }

    private String geojson(List<Row> rows, LocalDate date, int window) {
        ObjectNode collection = JsonSerde.MAPPER.createObjectNode();
        ArrayNode features = Boundaries.features(collection);
        for (Row row : rows) {
            if (boundaries.geometry(row.id()) == null) {
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", row.id());
            ObjectNode properties = JsonSerde.MAPPER.valueToTree(row);
            properties.put("date", date.toString());
            properties.put("window", window);
            feature.set("properties", properties);
            feature.set("geometry", boundaries.geometry(row.id()));
        }
        return collection.toString();
    }

    private static String csv(List<Row> rows, LocalDate date, int window) {
        StringBuilder csv = new StringBuilder("rank,region_id,country,admin1,known,population,date,window,events,fatalities,"
                + "violentEvents,civilianEvents,civilianFatalities,fatalitiesPer100k,civilianFatalitiesPer100k\n");
        for (Row r : rows) {
            csv.append(r.rank()).append(',').append(StatsCsv.quote(r.id())).append(',').append(StatsCsv.quote(r.country()))
                    .append(',').append(StatsCsv.quote(r.admin1())).append(',').append(r.known()).append(',')
                    .append(r.population() == null ? "" : r.population()).append(',').append(date).append(',').append(window)
                    .append(',').append(r.events()).append(',').append(r.fatalities()).append(',').append(r.violentEvents())
                    .append(',').append(r.civilianEvents()).append(',').append(r.civilianFatalities()).append(',')
                    .append(r.per100k() == null ? "" : r.per100k().fatalities()).append(',')
                    .append(r.per100k() == null ? "" : r.per100k().civilianFatalities()).append('\n');
        }
        return csv.toString();
    }

    private static LocalDate date(String param, Set<String> regionIds, StatsQuery query) {
        if (param == null || param.isBlank()) {
            return regionIds.stream().map(query::latestDay).flatMap(java.util.Optional::stream)
                    .max(Comparator.naturalOrder()).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(param.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("date must be like 2019-03-23, was '" + param + "'", Map.of("parameter", "date"));
        }
    }

    private static int window(String param) {
        if (param == null) {
            return 30;
        }
        try {
            int window = Integer.parseInt(param.trim());
            if (StatsSettings.SERVED_WINDOWS.contains(window)) {
                return window;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse("window must be one of " + StatsSettings.SERVED_WINDOWS + ", was '" + param + "'",
                Map.of("parameter", "window"));
    }

    private static int limit(String param) {
        if (param == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int limit = Integer.parseInt(param.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse("limit must be a whole number >= 1, was '" + param + "'", Map.of("parameter", "limit"));
    }

    private static String format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "geojson").contains(f)) {
                throw new BadRequestResponse("format must be json, csv or geojson", Map.of("parameter", "format"));
            }
            return f;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv") ? "csv"
                : accept != null && accept.toLowerCase(Locale.ROOT).contains("geo+json") ? "geojson" : "json";
    }
}
