package org.tabale.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a log directory for a new single-node KRaft cluster, as {@code kafka-storage.sh format}
 * does (same {@link Formatter}, which {@code kafka.tools.StorageTool} drives): a random cluster
 * id, the latest production metadata version, a static controller quorum, and the SCRAM users
 * given (as {@code --add-scram} does). A directory that already holds {@code meta.properties} is
 * left alone, so its cluster id, users, topics and records survive a restart.
 */
final class LogDirFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(LogDirFormatter.class);

    private LogDirFormatter() {
    }

    /**
     * Formats {@code logDir} unless it is formatted already; answers whether it formatted.
     * {@code scramArguments} are {@code --add-scram} values ({@code SCRAM-SHA-512=[name=u,password=p]}).
     */
    static boolean formatIfNew(Path logDir, List<String> scramArguments) {
        if (Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            Formatter formatter = new Formatter()
                    .setPrintStream(out)
                    .setNodeId(BrokerSettings.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString());
            if (!scramArguments.isEmpty()) {
                formatter.setScramArguments(scramArguments);
            }
            formatter.run();
        } catch (IOException e) {
            throw new KafkaException("Could not create log directory " + logDir, e);
        } catch (Exception e) {
            throw new KafkaException("Could not format log directory " + logDir, e);
        }
        LOG.debug("Formatted {}: {}", logDir, output.toString(StandardCharsets.UTF_8).strip());
        return true;
    }
}
