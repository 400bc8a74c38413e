package org.tabale.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import org.tabale.model.CommunityReport;
import org.tabale.model.DeadLetter;
import org.tabale.model.ReportVerification;

/** A {@link ReportSink} that keeps what it is given, or refuses it like a broker that is down. */
public final class RecordingReportSink implements ReportSink {

    private final List<CommunityReport> reports = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<ReportVerification> verifications = new ArrayList<>();
    private boolean down;

    public RecordingReportSink down() {
        this.down = true;
        return this;
    }

    @Override
    public void publish(List<CommunityReport> batch, List<DeadLetter> letters) {
        if (down) {
            throw new EventPublisher.PublishException("broker unavailable (test)", null);
        }
        reports.addAll(batch);
        deadLetters.addAll(letters);
    }

    @Override
    public void publish(ReportVerification verification) {
        if (down) {
            throw new EventPublisher.PublishException("broker unavailable (test)", null);
        }
        verifications.add(verification);
    }

    public List<CommunityReport> reports() {
        return List.copyOf(reports);
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public List<ReportVerification> verifications() {
        return List.copyOf(verifications);
    }
}
