package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tabale.app.http.Tokens;
import org.tabale.model.Boundaries;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * A measurement, not a check run by {@code mvn verify} (it replays 91,300 events, several minutes
 * on two shared cores): the dashboard's first paint with five years of daily data for 50 regions
 * (the 30 with boundaries first), in headless Chromium. Run it alone:
 * {@code mvn -pl app -am verify -Dit.test=DashboardFirstPaintIT -Dtabale.firstPaint=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are printed and written to
 * {@code target/dashboard/first-paint.txt}.
 */
@RealKafka
@EnabledIfSystemProperty(named = "tabale.firstPaint", matches = "true")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class DashboardFirstPaintIT {

    private static final String INTEGRATOR = "integrator-token-paint";
    private static final String ADMIN = "admin-token-paint0001";
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2023, 12, 31);
    private static final int REGIONS = 50;
    private static final int BATCH = 5_000;

    private static TabaleNode node;
    private static Http http;
    private static WebDriver browser;
    private static long events;

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dataDir) throws InterruptedException {
        String run = kafka.uniqueName("first-paint-it");
        TabaleConfig config = TabaleConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(),
                "TABALE_HTTP_PORT", "0",
                "TABALE_STREAMS_APP_ID", run + "-streams",
                "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000"));
        node = TabaleNode.start(config, Service.all(), Tokens.parse("integrator:" + INTEGRATOR + ",admin:" + ADMIN),
                Clock.systemUTC(), null);
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
        http = new Http(node.httpPort());
        long began = System.nanoTime();
        List<String> rows = rows(regions());
        for (int from = 0; from < rows.size(); from += BATCH) {
            String body = HEADER + String.join("", rows.subList(from, Math.min(rows.size(), from + BATCH)));
            Http.Response answer = http.post("/api/v1/events", INTEGRATOR, "text/csv", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        events = rows.size();
        // Caught up when the 5-year total of events on the last day is served (sum of the 365-day windows of 5 years).
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(5)).until(() -> servedEvents() == events);
        System.out.printf("replayed %d events in %d s%n", events, (System.nanoTime() - began) / 1_000_000_000L);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldMeasureTheFirstPaintWithFiveYearsOfFiftyRegions() throws IOException {
        String url = "http://127.0.0.1:" + node.httpPort() + "/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ADMIN);
        browser.findElement(By.id("login-submit")).click();
        List<Long> paints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browser.navigate().refresh(); // the token is in the session: each load paints at once
            wait.until(d -> d.findElement(By.tagName("html")).getAttribute("data-first-paint-ms") != null);
            paints.add(Long.parseLong(browser.findElement(By.tagName("html")).getAttribute("data-first-paint-ms")));
        }
        assertThat(browser.findElement(By.id("map")).getAttribute("data-date")).isEqualTo(LAST.toString());
        // The series over five years (1,826 points) of the busiest region, and a move of the date.
        browser.findElement(By.cssSelector("#ranking tbody tr")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("series"), "data-points", "730"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("series-span"))).selectByValue("1826");
        wait.until(ExpectedConditions.attributeToBe(By.id("series"), "data-points", "1826"));
        String seriesMs = browser.findElement(By.id("series")).getAttribute("data-ms");
        ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('slider'); s.value = String(Number(s.max) - 400);"
                + "s.dispatchEvent(new Event('input'));");
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-date", LAST.minusDays(400).toString()));
        String moveMs = browser.findElement(By.id("map")).getAttribute("data-ms");
        paints.sort(Comparator.naturalOrder());
        String report = String.format("first paint (ms, 5 loads, sorted): %s; median %d ms; series of 1,826 days: %s ms; "
                        + "date moved (map and ranking): %s ms; %d regions, %d events %s..%s, %d alerts%n",
                paints, paints.get(2), seriesMs, moveMs, REGIONS, events, FIRST, LAST,
                http.get("/api/v1/alerts", ADMIN).json().path("alerts").size());
        System.out.print(report);
        Files.createDirectories(Path.of("target", "dashboard"));
        Files.writeString(Path.of("target", "dashboard", "first-paint.txt"), report);
        assertThat(paints.get(2)).as("median first paint").isLessThan(10_000);
    }

    private static final String HEADER = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,civilian_targeting,"
            + "country,admin1,fatalities,timestamp\n";

    private static List<Region> regions() {
        Gazetteer gazetteer = Gazetteer.bundled();
        Set<String> ids = new LinkedHashSet<>();
        Boundaries.bundled(gazetteer).regionIds().forEach(ids::add);
        gazetteer.knownRegions().stream().map(Region::id).sorted().forEach(ids::add);
        return ids.stream().limit(REGIONS).map(id -> gazetteer.lookup(id).orElseThrow()).toList();
    }

    /** One event a day in every region (the type and toll drawn from a fixed seed), in date order. */
    private static List<String> rows(List<Region> regions) {
        Random random = new Random(5);
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            for (Region region : regions) {
                boolean attack = random.nextInt(3) == 0;
                int fatalities = random.nextInt(10) == 0 ? random.nextInt(30) : random.nextInt(3);
                rows.add(String.format("FP%07d,%s,%d,%s,%s,%s,%s,%d,1700000000\n", ++n, day, day.getYear(),
                        attack ? "Violence against civilians,Attack,Armed group,Civilians" : "Battles,Armed clash,Army,Rebels",
                        attack ? "Civilian targeting" : "", csv(region.country()), csv(region.admin1()), fatalities));
            }
        }
        return rows;
    }

    private static String csv(String value) {
        return value.contains(",") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static long servedEvents() {
        long total = 0;
        for (LocalDate end = LAST; end.isAfter(FIRST.minusDays(1)); end = end.minusDays(365)) {
            Http.Response year = http.get("/api/v1/stats/snapshot?window=365&date=" + end, ADMIN);
            if (year.status() != 200) {
                return -1;
            }
            for (var row : year.json().path("regions")) {
                total += row.path("events").asLong();
            }
        }
        return total;
    }
}
