package org.tabale.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tabale.alerts.rules.Rule;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.app.backtest.Backtest;
import org.tabale.app.backtest.BacktestReport;
import org.tabale.app.backtest.FeedFiles;
import org.tabale.ingest.parse.Feed;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Gazetteer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tabale backtest --rules FILE DATA...}: replays event files (no Kafka) through a rule set and
 * prints, per region and rule, the alert episodes it would have raised and when, so an officer tunes
 * thresholds on history before they go live. What was read and refused goes to standard error.
 */
@Command(name = "backtest", description = "Replay event files through alert rules and print, per region and rule, the alert episodes they would have raised.")
public final class BacktestCommand implements Callable<Integer> {

    /** How the output is written. */
    enum Format { text, csv }

    @Parameters(paramLabel = "DATA", arity = "1..*", description = "CSV files or directories: ACLED exports (any dialect), or UCDP GED with --source ucdp")
    List<Path> data;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule file (YAML, the TABALE_RULES format); default: the shipped rules")
    Path rules;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or csv: one row per episode")
    Format format;

    @Option(names = "--source", defaultValue = "acled", description = "Feed format: acled (default) or ucdp")
    String source;

    @Option(names = "--warmup", defaultValue = "-1", paramLabel = "DAYS",
            description = "Days after the first event before rules that compare with history count (default: 365, 1095 for 3-year highs)")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--country", split = ",", paramLabel = "ISO3",
            description = "Only regions of these countries (ISO 3166-1 alpha-3, comma-separated), e.g. MLI,BFA,NER")
    List<String> countries;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet ruleSet = rules == null ? RuleSet.bundledDefault() : RuleSet.read(rules);
        Feed feed = Feed.fromId(source).orElseThrow(() -> new IllegalArgumentException("--source must be acled or ucdp, was " + source));
        FeedFiles.Read read = FeedFiles.read(ReplayCommand.expand(data), feed, Gazetteer.bundled());
        read.problems().forEach(err::println);
        err.printf("read %,d rows: %,d events, %,d refused, %,d repeats or older versions; rules: %s%n", read.rows(),
                read.events().size(), read.refused(), read.repeated(), rules == null ? "shipped default" : rules);
        List<ConflictEvent> events = read.events().stream().filter(this::inCountries).toList();
        Backtest.Result result = new Backtest(ruleSet, warmup).run(events);
        if (format == Format.csv) {
            out.print(BacktestReport.csv(result));
        } else {
            out.println("An episode: the rule holds on successive dates; a new one starts once it has not held for its window in days.");
            out.println("Rules that compare with history count after a warm-up (" + (warmup >= 0 ? warmup + " days" : "one year, three for 3-year highs,")
                    + " after the first event); absolute thresholds from the first day.");
            out.print(BacktestReport.text(result, ruleSet.all().stream().map(Rule::name).toList()));
        }
        out.flush();
        return read.events().isEmpty() ? 1 : 0;
    }

    private boolean inCountries(ConflictEvent event) {
        return countries == null || countries.stream()
                .anyMatch(iso3 -> event.regionId().regionMatches(true, 0, iso3.trim() + ".", 0, iso3.trim().length() + 1));
    }
}
