package org.tabale.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's page loads nothing from outside the app, and every WebJar file it names is in the jar. */
class DashboardFilesTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void shouldNameOnlyFilesServedByTheAppWhenThePageLoads() throws IOException {
        String page = resource(Dashboard.DIRECTORY + "/index.html");
        List<String> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(page);
        while (m.find()) {
            references.add(m.group(1));
        }

        assertThat(references).isNotEmpty().noneMatch(r -> r.startsWith("http:") || r.startsWith("https:") || r.startsWith("//"));
        assertThat(references.stream().filter(r -> r.startsWith("/webjars/")).toList())
                .as("Leaflet and uPlot, at the versions of the pom").hasSize(4)
                .allSatisfy(r -> assertThat(getClass().getResource("/META-INF/resources" + r)).as(r).isNotNull());
        assertThat(references.stream().filter(r -> !r.startsWith("/webjars/") && !r.startsWith("data:")).toList())
                .allSatisfy(r -> assertThat(getClass().getResource(Dashboard.DIRECTORY + "/" + r)).as(r).isNotNull());
    }

    @Test
    void shouldImportOnlyModulesOfThePageWhenTheScriptsRun() throws IOException {
        for (String module : List.of("main", "api", "i18n", "map", "series", "alerts", "ranking")) {
            String code = resource(Dashboard.DIRECTORY + "/js/" + module + ".js");
            Matcher imports = Pattern.compile("from '([^']+)'").matcher(code);
            while (imports.find()) {
                assertThat(getClass().getResource(Dashboard.DIRECTORY + "/js/" + imports.group(1).substring(2)))
                        .as(module + " imports " + imports.group(1)).isNotNull();
            }
            assertThat(code).as(module).doesNotContain("http://", "https://");
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DashboardFilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
