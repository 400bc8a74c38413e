package org.tabale.app.cli;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tabale.app.Service;
import org.tabale.app.TabaleConfig;
import org.tabale.app.TabaleNode;
import org.tabale.app.http.Tokens;
import org.tabale.ingest.protect.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run} (everything, with the embedded broker when no cluster is configured) and the
 * cluster roles {@code all}, {@code ingest}, {@code streams}, {@code alerts}, which need
 * {@code KAFKA_BOOTSTRAP_SERVERS}. Each runs until stopped (SIGINT or SIGTERM).
 */
public abstract class RoleCommand implements Callable<Integer> {

    @Mixin
    ConfigOption options;

    abstract Set<Service> services();

    boolean mayEmbed() {
        return false;
    }

    @Override
    public Integer call() throws InterruptedException {
        TabaleConfig config = options.config();
        if (config.bootstrapServers().isEmpty() && !mayEmbed()) {
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS must be set for a cluster role; "
                    + "use 'tabale run' for one process with an embedded broker");
        }
        if (!mayEmbed() && services().contains(Service.INGEST) && !PseudonymKey.configured(config.env())) {
            // Instances of a cluster must share the key, or one informant gets one pseudonym per instance.
            throw new IllegalArgumentException(PseudonymKey.ENV + " must be set for a cluster role that runs ingest,"
                    + " the same on every instance (at least 32 characters, e.g. openssl rand -hex 32)");
        }
        Tokens tokens = config.apiTokens().orElseThrow(() -> new IllegalArgumentException(
                "TABALE_TOKENS must be set (role:token,...); 'tabale demo' generates tokens for a try-out"));
        TabaleNode node = TabaleNode.start(config, services(), tokens, Clock.systemUTC(), null);
        awaitShutdown(node);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes the node from the shutdown hook. */
    static void awaitShutdown(AutoCloseable node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "tabale-shutdown"));
        stopped.await();
    }

    @Command(name = "run", description = "Run every service in one process; embedded broker when KAFKA_BOOTSTRAP_SERVERS is unset.")
    public static final class Run extends RoleCommand {
        @Override
        Set<Service> services() {
            return Service.all();
        }

        @Override
        boolean mayEmbed() {
            return true;
        }
    }

    @Command(name = "all", description = "Cluster role: ingest, streams and alerts against KAFKA_BOOTSTRAP_SERVERS.")
    public static final class All extends RoleCommand {
        @Override
        Set<Service> services() {
            return Service.all();
        }
    }

    @Command(name = "ingest", description = "Cluster role: the ingest API (POST /api/v1/events).")
    public static final class Ingest extends RoleCommand {
        @Override
        Set<Service> services() {
            return EnumSet.of(Service.INGEST);
        }
    }

    @Command(name = "streams", description = "Cluster role: the statistics topology and the analyst API.")
    public static final class Streams extends RoleCommand {
        @Override
        Set<Service> services() {
            return EnumSet.of(Service.STREAMS);
        }
    }

    @Command(name = "alerts", description = "Cluster role: the alert service and the officer API.")
    public static final class Alerts extends RoleCommand {
        @Override
        Set<Service> services() {
            return EnumSet.of(Service.ALERTS);
        }
    }
}
