package org.tabale.streams.query;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabale.streams.topology.SeenRegion;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * {@code GET /api/v1/regions}: the gazetteer's regions with ids, names, aliases, codes,
 * population, and the latest day with figures; then the regions the data named that the
 * gazetteer does not know ({@code "known": false}), under their own names.
 */
public final class RegionsHandler implements Handler {

    public static final String PATH = "/api/v1/regions";

    private final Gazetteer gazetteer;
    private final StatsQuery query;
    public RegionsHandler(Gazetteer gazetteer, StatsQuery query) {
        this.gazetteer = gazetteer;
        this.query = query;
    }

    @Override
    public void handle(Context ctx) {
        StatsQuery query = this.query.as(ctx.header("Authorization"));
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Region region : gazetteer.knownRegions()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", region.id());
            json.put("country", region.country());
            json.put("iso3", region.iso3());
            json.put("admin1", region.admin1());
            json.put("aliases", region.aliases());
            json.put("pcode", region.pcode());
            json.put("iso3166_2", region.iso3166_2());
            json.put("population", region.population());
            json.put("known", region.known());
            json.put("latestDate", query.latestDay(region.id()).orElse(null));
            regions.add(json);
        }
        for (Map.Entry<String, SeenRegion> region : query.regions().entrySet()) {
            if (gazetteer.lookup(region.getKey()).isPresent()) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", region.getKey());
            json.put("country", region.getValue().country());
            json.put("iso3", region.getKey().substring(0, Math.max(0, region.getKey().indexOf('.'))));
            json.put("admin1", region.getValue().admin1());
            json.put("aliases", List.of());
            json.put("known", false);
            json.put("latestDate", query.latestDay(region.getKey()).orElse(null));
            regions.add(json);
        }
        ctx.json(Map.of("regions", regions));
    }
}
