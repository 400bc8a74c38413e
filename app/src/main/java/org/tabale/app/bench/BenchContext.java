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
 */
public record BenchContext(String bootstrapServers, Path workDir, ReplayInput input, Map<String, String> serviceEnv,
                           PrintStream progress) {

    public BenchContext {
        serviceEnv = Map.copyOf(serviceEnv);
    }
}
