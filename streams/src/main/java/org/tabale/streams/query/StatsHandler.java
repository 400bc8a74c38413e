package org.tabale.streams.query;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;
import org.tabale.streams.topology.StatsSettings;

/**
 * {@code GET /api/v1/stats?region=R&from=D&to=D&window=W}: a region's windowed series. {@code region}
 * takes an id ({@code MLI.Mopti}) or {@code Country/Admin1} with any alias. {@code to} defaults to
 * the region's latest day with figures, {@code from} to 89 days before {@code to}; ranges are capped
 * at {@link #MAX_DAYS} days. {@code Accept: text/csv} (or {@code format=csv}) gives CSV.
 */
public final class StatsHandler implements Handler {

    public static final String PATH = "/api/v1/stats";
    public static final int MAX_DAYS = 3_660;

    private final StatsQuery query;
    private final Gazetteer gazetteer;
    private final Clock clock;

    public StatsHandler(StatsQuery query, Gazetteer gazetteer, Clock clock) {
        this.query = query;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        String regionParam = ctx.queryParam("region");
        if (regionParam == null || regionParam.isBlank()) {
            throw new BadRequestResponse("region is required (an id like MLI.Mopti, or Country/Admin1)", Map.of("parameter", "region"));
        }
        StatsQuery query = this.query.as(ctx.header("Authorization"));
        Region region = resolve(regionParam, query);
        int window = window(ctx.queryParam("window"));
        LocalDate to = date(ctx.queryParam("to"), "to");
        if (to == null) {
            to = query.latestDay(region.id()).orElse(LocalDate.now(clock));
        }
        LocalDate from = date(ctx.queryParam("from"), "from");
        if (from == null) {
            from = to.minusDays(89);
        }
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to, Map.of("parameter", "from"));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BadRequestResponse("date range exceeds " + MAX_DAYS + " days", Map.of("parameter", "from"));
        }
        List<StatsQuery.Point> series = query.series(region, from, to, window);
        if (wantsCsv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8").result(StatsCsv.write(region, window, series));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> regionJson = new LinkedHashMap<>();
        regionJson.put("id", region.id());
        regionJson.put("country", region.country());
        regionJson.put("admin1", region.admin1());
        regionJson.put("population", region.population());
        regionJson.put("known", region.known());
        body.put("region", regionJson);
        body.put("window", window);
        body.put("from", from);
        body.put("to", to);
        body.put("series", series);
        ctx.json(body);
    }

    private Region resolve(String param, StatsQuery query) {
        return gazetteer.lookup(param).orElseGet(() -> {
            int dot = param.indexOf('.');
            if (dot == 3 && query.hasData(param.trim())) {
                String id = param.trim();
                return new Region(id, id.substring(0, 3), id.substring(0, 3), id.substring(4), null, null, null, List.of(), false);
            }
            throw new NotFoundResponse("region '" + param + "' is not known: use an id from /api/v1/regions or Country/Admin1",
                    Map.of("parameter", "region"));
        });
    }

    private static int window(String param) {
        if (param == null) {
            return 7;
        }
        try {
            int window = Integer.parseInt(param.trim());
            if (StatsSettings.SERVED_WINDOWS.contains(window)) {
                return window;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal
        }
        throw new BadRequestResponse("window must be one of " + StatsSettings.SERVED_WINDOWS + " (days), was '" + param + "'",
                Map.of("parameter", "window"));
    }

    private static LocalDate date(String param, String name) {
        if (param == null || param.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(param.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date like 2019-03-23, was '" + param + "'", Map.of("parameter", name));
        }
    }

    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("csv");
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }
}
