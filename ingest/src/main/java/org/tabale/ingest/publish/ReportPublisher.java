package org.tabale.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.tabale.model.ClientSettings;
import org.tabale.model.CommunityReport;
import org.tabale.model.DeadLetter;
import org.tabale.model.ReportVerification;
import org.tabale.model.Topics;

/**
 * Publishes community reports to {@code tabale.reports.v1} and officers' decisions to
 * {@code tabale.report-verifications.v1} (both keyed by report id), refused rows to
 * {@code tabale.dlq.v1} (key source). Idempotent, {@code acks=all}: a call returns only once the
 * broker has acknowledged every record of it.
 */
public final class ReportPublisher implements ReportSink, AutoCloseable {

    private final AckedProducer producer;

    public ReportPublisher(ClientSettings settings, Clock clock, Duration ackTimeout) {
        this.producer = new AckedProducer(settings, "tabale-ingest-reports", clock, ackTimeout);
    }

    @Override
    public void publish(List<CommunityReport> reports, List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(reports.size() + deadLetters.size());
        reports.forEach(report -> acks.add(producer.send(Topics.REPORTS, report.id(), report)));
        deadLetters.forEach(letter -> acks.add(producer.send(Topics.DLQ, letter.source(), letter)));
        producer.await(acks);
    }

    @Override
    public void publish(ReportVerification verification) {
        producer.await(List.of(producer.send(Topics.REPORT_VERIFICATIONS, verification.reportId(), verification)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
