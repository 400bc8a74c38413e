package org.tabale.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.tabale.model.CommunityReport;
import org.tabale.model.JsonSerde;

/**
 * The report ids this ingest knows, each with the fingerprint of its stored version: to tell a
 * re-sent report (same id, same content: a duplicate) from a revised one, and to answer 404 for a
 * verification of an unknown report. {@link ReportIndex} is the Kafka-backed one.
 */
public interface KnownReports {

    /** The fingerprint of the stored version of a report, if the report is known. */
    OptionalLong fingerprint(String reportId);

    /** Notes a version this process has just stored. */
    void remember(CommunityReport report);

    /** Whether the index has read the topic up to where it ended at start. */
    boolean ready();

    default boolean contains(String reportId) {
        return fingerprint(reportId).isPresent();
    }

    /**
     * A report's content without its arrival time, hashed: equal for a re-sent report, different
     * for any change (a corrected count, a verification by the source).
     */
    static long fingerprintOf(CommunityReport report) {
        ObjectNode json = JsonSerde.MAPPER.valueToTree(report);
        json.remove("receivedAt");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JsonSerde.MAPPER.writeValueAsBytes(json));
            return ByteBuffer.wrap(digest).getLong();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a report", e);
        }
    }

    /** An index held in memory only (tests, and a node's own reports before the topic is read). */
    static KnownReports inMemory() {
        Map<String, Long> fingerprints = new ConcurrentHashMap<>();
        return new KnownReports() {
            @Override
            public OptionalLong fingerprint(String reportId) {
                Long value = fingerprints.get(reportId);
                return value == null ? OptionalLong.empty() : OptionalLong.of(value);
            }

            @Override
            public void remember(CommunityReport report) {
                fingerprints.put(report.id(), fingerprintOf(report));
            }

            @Override
            public boolean ready() {
                return true;
            }
        };
    }
}
