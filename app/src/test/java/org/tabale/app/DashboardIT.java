package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * The dashboard end to end: the app on a real broker with a year of synthetic Mali events (2024,
 * which no other IT writes) replayed over HTTP, driven in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromedriver}; {@code .ci/run} installs them): every Mali region is
 * shaded on the map, hovering shows a region's figures, a click opens its series with the alert
 * marks, the acknowledge and silence buttons change alerts' states through the API, French is one
 * click away, and an analyst's token hides the alerts panel. Screenshots go to {@code target/dashboard/}.
 */
@RealKafka
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DashboardIT {

    private static final String INTEGRATOR = "integrator-token-dash1";
    private static final String ANALYST = "analyst-token-dash001";
    private static final String ADMIN = "admin-token-dash00001";
    private static final LocalDate DAY = LocalDate.of(2024, 12, 20);
    private static final String ZERO_COLOUR = "#f2f0ea";
    private static final List<String> MALI = List.of("Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Menaka", "Mopti", "Segou",
            "Sikasso", "Timbuktu", "Taoudeni");
    private static final Path SHOTS = Path.of("target", "dashboard");

    private static TabaleNode node;
    private static Http http;
    private static WebDriver browser;

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dataDir) throws IOException, InterruptedException {
        String run = kafka.uniqueName("dashboard-it");
        TabaleConfig config = TabaleConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(),
                "TABALE_HTTP_PORT", "0",
                "TABALE_STREAMS_APP_ID", run + "-streams",
                "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                // 2024 is history: its episodes would be recorded but never pushed, and would resolve once
                // their windows emptied. Kept open here so that there is something to acknowledge.
                "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000",
                "TABALE_ALERT_RESOLVE_AFTER_DAYS", "100000"));
        Tokens tokens = Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST + ",admin:" + ADMIN);
        node = TabaleNode.start(config, Service.all(), tokens, Clock.systemUTC(), null);
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
        http = new Http(node.httpPort());
        Http.Response replay = http.post("/api/v1/events", INTEGRATOR, "text/csv", maliYear());
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("rejected").asLong()).as(replay.body()).isZero();
        Files.createDirectories(SHOTS);
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
    void shouldShadeEveryMaliRegionOpenTheSeriesAndAcknowledgeAnAlert() throws IOException {
        // Given the figures and the Mopti alert are served (the page reads nothing else).
        String alertId = awaitMoptiAlert();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(maliFeatures())
                .hasSize(9).allSatisfy(f -> assertThat(f.path("properties").path("civilianFatalities").asLong()).isPositive()));

        // The page and its libraries need no token; the API it calls does.
        assertThat(http.get("/", null).status()).isEqualTo(200);
        assertThat(http.get("/", null).contentType()).startsWith("text/html");
        assertThat(http.get("/webjars/leaflet/1.9.4/dist/leaflet.js", null).status()).isEqualTo(200);
        assertThat(http.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/stats/snapshot", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/nothing-here", ADMIN).json().path("error").asText()).startsWith("no such endpoint");

        // When an admin opens the page on that date and signs in.
        browser.get("http://127.0.0.1:" + node.httpPort() + "/#date=" + DAY + "&metric=civilianFatalities&window=30");
        signIn(ADMIN);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-date", DAY.toString()));

        // Then every Mali region is shaded by its civilian fatalities.
        List<WebElement> mali = wait.until(d -> {
            List<WebElement> paths = d.findElements(By.cssSelector("#map path.region[data-region^='MLI.']"));
            return paths.size() == 9 ? paths : null;
        });
        for (WebElement path : mali) {
            assertThat(path.getAttribute("fill")).as(path.getAttribute("data-region")).isNotEqualTo(ZERO_COLOUR).startsWith("#");
            assertThat(Long.parseLong(path.getAttribute("data-value"))).as(path.getAttribute("data-region")).isPositive();
        }
        assertThat(browser.findElement(By.cssSelector("#map .legend")).getText()).contains("Civilian fatalities");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr")).get(0).getAttribute("data-region")).isEqualTo("MLI.Mopti");
        wait.until(d -> d.findElement(By.tagName("html")).getAttribute("data-first-paint-ms") != null);
        shot("1-map.png");

        // Hovering a region shows its figures; clicking it opens its series with the alert marked.
        WebElement mopti = browser.findElement(By.cssSelector("#map path.region[data-region='MLI.Mopti']"));
        new Actions(browser).moveToElement(mopti).perform();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#map .info"), "data-region", "MLI.Mopti"));
        assertThat(browser.findElement(By.cssSelector("#map .info")).getText()).contains("Mopti").contains("Civilian fatalities");
        mopti.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("series-panel"), "data-region", "MLI.Mopti"));
        wait.until(ExpectedConditions.attributeToBe(By.id("series"), "data-state", "ready"));
        assertThat(browser.findElement(By.id("series-panel")).isDisplayed()).isTrue();
        assertThat(Integer.parseInt(browser.findElement(By.id("series")).getAttribute("data-points"))).isEqualTo(730);
        assertThat(Integer.parseInt(browser.findElement(By.id("series")).getAttribute("data-alerts"))).isPositive();
        assertThat(browser.findElements(By.cssSelector("#series canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("series-title")).getText()).contains("Mopti");
        shot("2-series.png");

        // The alert is in the firing tab; its acknowledge button changes its state through the API.
        By item = By.cssSelector("#alert-list li[data-alert-id='" + alertId + "']");
        browser.findElement(By.id("who")).sendKeys("Awa Officer");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#alert-list li[data-alert-id='" + alertId + "'] button.ack")))
                .click();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/api/v1/alerts/" + alertId, ADMIN).json().path("alert").path("state").asText()).isEqualTo("acknowledged"));
        browser.findElement(By.cssSelector("#alert-tabs button[data-state='acknowledged']")).click();
        wait.until(ExpectedConditions.attributeToBe(item, "data-state", "acknowledged"));
        assertThat(http.get("/api/v1/alerts/" + alertId, ADMIN).json().path("alert").path("episode").path("actions").toString())
                .contains("acknowledged").contains("Awa Officer");
        shot("3-acknowledged.png");

        // Another of the region's firing alerts is silenced for 6 hours with a reason (then the silence is ended, so that no
        // other IT on this broker restores it).
        browser.findElement(By.cssSelector("#alert-tabs button[data-state='firing']")).click();
        WebElement other = wait.until(d -> d.findElements(By.cssSelector("#alert-list li[data-region='MLI.Mopti'][data-state='firing']"))
                .stream().filter(li -> !li.getAttribute("data-alert-id").equals(alertId)).findFirst().orElse(null));
        String otherId = other.getAttribute("data-alert-id");
        new org.openqa.selenium.support.ui.Select(other.findElement(By.cssSelector("select.silence-hours"))).selectByValue("6");
        other.findElement(By.cssSelector("input.silence-reason")).sendKeys("army operation under way");
        other.findElement(By.cssSelector("button.silence")).click();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/api/v1/alerts/" + otherId, ADMIN).json().path("alert").path("state").asText()).isEqualTo("silenced"));
        List<JsonNode> mine = new ArrayList<>();
        http.get("/api/v1/silences", ADMIN).json().path("silences").forEach(silence -> {
            if (silence.path("comment").asText().equals("army operation under way")) {
                mine.add(silence);
            }
        });
        assertThat(mine).singleElement().satisfies(silence -> {
            assertThat(silence.path("createdBy").asText()).isEqualTo("Awa Officer");
            assertThat(silence.path("region").asText()).isEqualTo("MLI.Mopti");
        });
        assertThat(http.delete("/api/v1/silences/" + mine.get(0).path("id").asText(), ADMIN).status()).isEqualTo(200);

        // French is one click away.
        browser.findElement(By.cssSelector("button.lang[data-lang='fr']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-title"), "Civils tués"));
        assertThat(browser.findElement(By.id("export-csv")).getText()).isEqualTo("Exporter en CSV");
        shot("4-francais.png");
        browser.findElement(By.cssSelector("button.lang[data-lang='en']")).click();

        // An analyst's token gets the map but no alerts panel (403 on /api/v1/alerts).
        browser.findElement(By.id("sign-out")).click();
        signIn(ANALYST);
        wait.until(ExpectedConditions.attributeToBe(By.id("role"), "data-role", "analyst"));
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-state", "ready"));
        assertThat(browser.findElement(By.id("alerts-panel")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("map-panel")).isDisplayed()).isTrue();
    }

    private static void signIn(String token) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    }

    private static String awaitMoptiAlert() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode alerts = http.get("/api/v1/alerts?state=firing&region=MLI.Mopti", ADMIN).json().path("alerts");
            JsonNode found = null;
            for (JsonNode alert : alerts) {
                if (alert.path("metric").asText().equals("civilianFatalities") && alert.path("date").asText().startsWith("2024-12")) {
                    found = alert;
                }
            }
            assertThat(found).as("a firing civilian-fatalities alert for Mopti in December 2024: %s", alerts).isNotNull();
            id[0] = found.path("id").asText();
        });
        return id[0];
    }

    private static List<JsonNode> maliFeatures() {
        Http.Response answer = http.get("/api/v1/stats/snapshot?format=geojson&window=30&date=" + DAY, ADMIN);
        List<JsonNode> mali = new ArrayList<>();
        answer.json().path("features").forEach(f -> {
            if (f.path("id").asText().startsWith("MLI.")) {
                mali.add(f);
            }
        });
        return mali;
    }

    /**
     * A year of events in every Mali region: a clash or an attack every nine days, an attack on
     * civilians in each region in the 30 days before {@link #DAY}, and a massacre in Mopti on
     * 2024-12-12 followed by smaller attacks (the 7-day civilian-fatalities rule fires and stays).
     */
    static String maliYear() {
        StringBuilder csv = new StringBuilder(
                "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,civilian_targeting,iso,country,admin1,fatalities,timestamp\n");
        int n = 0;
        for (int r = 0; r < MALI.size(); r++) {
            String region = MALI.get(r);
            int k = 0;
            for (LocalDate day = LocalDate.of(2024, 1, 1).plusDays(r); day.isBefore(LocalDate.of(2024, 11, 15)); day = day.plusDays(9)) {
                boolean attack = (k++ + r) % 3 == 0;
                row(csv, ++n, day, attack, region, attack ? 1 + day.getDayOfMonth() % 3 : day.getDayOfMonth() % 4);
            }
            row(csv, ++n, DAY.minusDays(5 + r), true, region, 1 + r % 3);
        }
        row(csv, ++n, LocalDate.of(2024, 12, 12), true, "Mopti", 40);
        for (int d = 13; d <= 20; d++) {
            row(csv, ++n, LocalDate.of(2024, 12, d), true, "Mopti", 2);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, int n, LocalDate day, boolean attack, String admin1, int fatalities) {
        csv.append(String.format("MLI24%04d", n)).append(',').append(day).append(",2024,")
                .append(attack ? "Violence against civilians,Attack,Armed group,Civilians (Mali),Civilian targeting,"
                        : "Battles,Armed clash,Military Forces of Mali,JNIM,,")
                .append("466,Mali,").append(admin1).append(',').append(fatalities).append(",1735000000\n");
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
