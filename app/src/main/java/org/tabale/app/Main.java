package org.tabale.app;

import org.tabale.app.bench.BenchCommand;
import org.tabale.app.cli.BacktestCommand;
import org.tabale.app.cli.DemoCommand;
import org.tabale.app.cli.ReplayCommand;
import org.tabale.app.cli.RoleCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tabale}: the command line of the all-in-one jar. */
@Command(name = "tabale", mixinStandardHelpOptions = true, version = "tabale 0.1.0",
        description = "Conflict early-warning pipeline: ingest events, keep exact regional statistics, alert responders.",
        subcommands = {DemoCommand.class, RoleCommand.Run.class, RoleCommand.All.class, RoleCommand.Ingest.class,
                RoleCommand.Streams.class, RoleCommand.Alerts.class, ReplayCommand.class, BenchCommand.class,
                BacktestCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getColorScheme().errorText("tabale: " + e.getMessage()));
                    return 2;
                })
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
