package org.tabale.app.bench;

/**
 * One measurement of {@code tabale bench}: a figure and its baseline, taken in the same run on
 * the same broker. Each of issue #7's measurements is one implementation; {@link BenchCommand}
 * runs them in order and {@link BenchReport} writes what they return.
 */
public interface Measurement {

    /** A short stable id, the key of the result in the JSON file ({@code replay-throughput}). */
    String id();

    /** Runs the measurement on the run's broker and input. */
    MeasurementResult run(BenchContext context) throws Exception;
}
