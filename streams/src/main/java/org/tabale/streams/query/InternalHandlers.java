package org.tabale.streams.query;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The instance-to-instance endpoints behind {@link ClusterDayTotals}: this instance's part of the
 * daily totals of a region, of the regions seen, and of a region's latest day. They carry the
 * caller's analyst token like any API call.
 */
public final class InternalHandlers {

    private final LocalDayTotals local;

    public InternalHandlers(LocalDayTotals local) {
        this.local = local;
    }

    public Handler days() {
        return ctx -> ctx.json(local.days(region(ctx), date(ctx, "from"), date(ctx, "to")));
    }

    public Handler regions() {
        return ctx -> ctx.json(local.regions());
    }

    public Handler latestDay() {
        return ctx -> {
            Map<String, Object> body = new HashMap<>();
            body.put("latestDay", local.latestDay(region(ctx)).orElse(null));
            ctx.json(body);
        };
    }

    private static String region(Context ctx) {
        String region = ctx.queryParam("region");
        if (region == null || region.isBlank()) {
            throw new BadRequestResponse("region is required", Map.of("parameter", "region"));
        }
        return region;
    }

    private static LocalDate date(Context ctx, String name) {
        try {
            return LocalDate.parse(ctx.queryParam(name));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestResponse(name + " must be a date", Map.of("parameter", name));
        }
    }
}
