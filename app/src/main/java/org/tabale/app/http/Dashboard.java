package org.tabale.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The dashboard: static files (HTML, CSS, plain JavaScript modules) from the jar at {@code /}, and
 * the front-end libraries (Leaflet, uPlot) from their WebJars at {@code /webjars/…}, so the page
 * works without any CDN. The page itself needs no token; everything it shows comes from the v1 API
 * with the bearer token the user enters (kept in the browser's session storage).
 */
public final class Dashboard {

    /** Classpath folder of the page's files. */
    public static final String DIRECTORY = "/org/tabale/app/dashboard";

    private Dashboard() {
    }

    /** Adds the page and the WebJars to a Javalin configuration. */
    public static void serve(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = DIRECTORY;
            files.location = Location.CLASSPATH;
            // The page's own files change with each release of the jar: the browser revalidates them.
            files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
        });
        config.staticFiles.enableWebjars();
    }
}
