package org.tabale.ingest.publish;

import java.util.List;
import org.tabale.model.CommunityReport;
import org.tabale.model.DeadLetter;
import org.tabale.model.ReportVerification;

/**
 * Where community reports go: accepted reports to {@code tabale.reports.v1} (key report id),
 * refused rows to {@code tabale.dlq.v1} (key source), officers' decisions to
 * {@code tabale.report-verifications.v1} (key report id). {@link ReportPublisher} is the Kafka one.
 */
public interface ReportSink {

    /**
     * Stores the batch, returning only once every record of it is stored.
     *
     * @throws EventPublisher.PublishException when the batch was not stored
     */
    void publish(List<CommunityReport> reports, List<DeadLetter> deadLetters);

    /**
     * Stores one decision, returning once it is stored.
     *
     * @throws EventPublisher.PublishException when it was not stored
     */
    void publish(ReportVerification verification);
}
