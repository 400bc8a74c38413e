package org.tabale.ingest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.tabale.ingest.http.ReportsHandler;
import org.tabale.ingest.http.VerificationHandler;
import org.tabale.ingest.protect.PseudonymKey;
import org.tabale.ingest.protect.Pseudonymiser;
import org.tabale.ingest.publish.ReportIndex;
import org.tabale.ingest.publish.ReportIngestor;
import org.tabale.ingest.publish.ReportPublisher;
import org.tabale.model.ClientSettings;
import org.tabale.model.Gazetteer;

/**
 * Community reports in an ingest process: the publisher, the index of known report ids (which
 * follows {@code tabale.reports.v1}), the ingest path, and the two HTTP handlers. Thin: wiring only.
 */
public final class ReportsApp implements AutoCloseable {

    private final ReportPublisher publisher;
    private final ReportIndex index;
    private final ReportIngestor ingestor;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReportsApp(ClientSettings client, PseudonymKey key, Gazetteer gazetteer, Clock clock, MeterRegistry meters) {
        this.publisher = new ReportPublisher(client, clock, Duration.ofSeconds(60));
        this.index = new ReportIndex(client);
        this.ingestor = new ReportIngestor(gazetteer, new Pseudonymiser(key), publisher, index, clock, meters);
        this.clock = clock;
        this.meters = meters;
    }

    /** Starts following the reports topic; verifications answer 503 until it has been read. */
    public ReportsApp start() {
        index.start();
        return this;
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return index.awaitReady(timeout);
    }

    /** For health: {@code UP}, {@code STARTING} or {@code DOWN}. */
    public String state() {
        return index.state();
    }

    public ReportIngestor ingestor() {
        return ingestor;
    }

    public Handler reportsHandler() {
        return new ReportsHandler(ingestor);
    }

    public Handler verificationHandler(Function<Context, String> callerRole) {
        return new VerificationHandler(index, publisher, clock, callerRole, meters);
    }

    @Override
    public void close() {
        index.close();
        publisher.close();
    }
}
