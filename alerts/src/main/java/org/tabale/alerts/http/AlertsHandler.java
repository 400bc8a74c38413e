package org.tabale.alerts.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import org.tabale.alerts.lifecycle.Alert;

/**
 * {@code GET /api/v1/alerts?state=…&region=…}: the alerts raised since start, newest first,
 * filtered by state ({@code firing}) and region id.
 */
public final class AlertsHandler implements Handler {

    public static final String PATH = "/api/v1/alerts";

    private final Supplier<List<Alert>> alerts;

    public AlertsHandler(Supplier<List<Alert>> alerts) {
        this.alerts = alerts;
    }

    @Override
    public void handle(Context ctx) {
        String state = ctx.queryParam("state");
        if (state != null && java.util.Arrays.stream(Alert.State.values()).noneMatch(s -> s.name().equals(state))) {
            throw new BadRequestResponse("state must be firing, was '" + state + "'", Map.of("parameter", "state"));
        }
        String region = ctx.queryParam("region");
        List<Alert> selected = alerts.get().stream()
                .filter(a -> state == null || a.state().name().equals(state))
                .filter(a -> region == null || a.region().id().equalsIgnoreCase(region))
                .sorted(java.util.Comparator.comparing(Alert::raisedAt).reversed())
                .toList();
        ctx.json(Map.of("alerts", selected));
    }
}
