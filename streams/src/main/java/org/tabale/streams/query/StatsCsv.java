package org.tabale.streams.query;

import java.util.List;
import org.tabale.model.Region;

/** The CSV form of a stats series: one row per window end date, rates included. */
final class StatsCsv {

    private StatsCsv() {
    }

    static String write(Region region, int window, List<StatsQuery.Point> series) {
        StringBuilder csv = new StringBuilder("region_id,country,admin1,window,date,events,fatalities,violentEvents,"
                + "civilianEvents,civilianFatalities,fatalitiesPerDay,civilianFatalitiesPerDay,fatalitiesPer100k,"
                + "civilianFatalitiesPer100k,reports,verifiedReports,fatalitiesBaselineMean,fatalitiesBaselineSpread,"
                + "civilianFatalitiesBaselineMean,civilianFatalitiesBaselineSpread,civilianFatalities30dHigh1y,"
                + "civilianFatalities30dHigh3y\n");
        for (StatsQuery.Point p : series) {
            csv.append(quote(region.id())).append(',').append(quote(region.country())).append(',')
                    .append(quote(region.admin1())).append(',').append(window).append(',').append(p.date()).append(',')
                    .append(p.events()).append(',').append(p.fatalities()).append(',').append(p.violentEvents()).append(',')
                    .append(p.civilianEvents()).append(',').append(p.civilianFatalities()).append(',')
                    .append(p.perDay().fatalities()).append(',').append(p.perDay().civilianFatalities()).append(',')
                    .append(p.per100k() == null ? "" : p.per100k().fatalities()).append(',')
                    .append(p.per100k() == null ? "" : p.per100k().civilianFatalities()).append(',')
                    .append(p.reports()).append(',').append(p.verifiedReports()).append(',')
                    .append(p.baseline().mean().fatalities()).append(',').append(p.baseline().spread().fatalities()).append(',')
                    .append(p.baseline().mean().civilianFatalities()).append(',')
                    .append(p.baseline().spread().civilianFatalities()).append(',')
                    .append(p.highs().year().civilianFatalities()).append(',')
                    .append(p.highs().threeYears().civilianFatalities()).append('\n');
        }
        return csv.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
