package org.tabale.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every measurement of one run shares: the broker, a scratch directory of its own, the
 * materialised input, the environment given to the Tabalé services, and where to report progress.
 *
 * @param bootstrapServers the run's broker
 * @param workDir          scratch space; each measurement takes a subdirectory named after its id
 * @param input            the generated events, the same for every measurement
 * @param serviceEnv       {@code TABALE_*} settings passed to the services (streams threads, guarantee, ...)
 * @param progress         where progress lines go (stdout of the CLI)
 * @param smallInput       the smaller input of the measurements that replay more than once or
 *                         after the first (measurements 3 to 5): at most {@code --small-events} rows
 * @param smoke            whether this is the CI smoke run (tiny loads)
 */
public record BenchContext(String bootstrapServers, Path workDir, ReplayInput input, Map<String, String> serviceEnv,
                           PrintStream progress, ReplayInput smallInput, boolean smoke) {

    public BenchContext {
        serviceEnv = Map.copyOf(serviceEnv);
    }

    /** The same run on another broker, scratch directory and input (a measurement's own replay). */
    public BenchContext on(String bootstrap, Path dir, ReplayInput replayed) {
        return new BenchContext(bootstrap, dir, replayed, serviceEnv, progress, smallInput, smoke);
    }
}
