package org.tabale.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.Main;
import picocli.CommandLine;

class BacktestCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run tabale(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path rules() throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: civ-7d
                    metric: civilianFatalities
                    window: 7
                    threshold: 10
                    severities: [{atLeast: 10, severity: severe}, {atLeast: 30, severity: extreme}]
                """);
    }

    @Test
    void shouldPrintTheEpisodesPerRegionAndRuleThenTheQuietRegionsAndATotal() throws Exception {
        Run run = tabale("backtest", "--rules", rules().toString(), BacktestTest.fixture().toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("""
                MLI.Mopti (Mali / Mopti)
                  civ-7d  2 episodes
                            2019-01-01 .. 2019-01-17   14 days held, peak 37 on 2019-01-01, extreme
                            2019-02-10 .. 2019-02-16    7 days held, peak 15 on 2019-02-10, severe
                no alert: MLI.Bamako
                total: 2 episodes in 1 of 2 regions, 2019-01-01 .. 2019-03-01 (civ-7d 2)
                """);
        assertThat(run.err()).contains("read 9 rows: 6 events, 1 refused, 2 repeats or older versions");
    }

    @Test
    void shouldWriteOneCsvRowPerEpisode() throws Exception {
        Run run = tabale("backtest", "--rules", rules().toString(), "--format", "csv", BacktestTest.fixture().toString());

        assertThat(run.out()).isEqualToNormalizingNewlines("""
                region,country,admin1,rule,start,end,days,peak,peakDate,severity
                MLI.Mopti,Mali,Mopti,civ-7d,2019-01-01,2019-01-17,14,37,2019-01-01,extreme
                MLI.Mopti,Mali,Mopti,civ-7d,2019-02-10,2019-02-16,7,15,2019-02-10,severe
                """);
    }

    @Test
    void shouldRefuseABadRuleFileNamingTheRule() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - {name: x, metric: events, window: 7, treshold: 3, severity: minor}\n");

        Run run = tabale("backtest", "--rules", bad.toString(), BacktestTest.fixture().toString());

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("rule 'x': unknown field 'treshold'");
    }

    @Test
    void shouldKeepOnlyTheRegionsOfTheCountriesAsked() throws Exception {
        Run run = tabale("backtest", "--rules", rules().toString(), "--country", "BFA,NER", BacktestTest.fixture().toString());

        assertThat(run.out()).contains("no events: nothing to replay").doesNotContain("MLI.");
    }
}
