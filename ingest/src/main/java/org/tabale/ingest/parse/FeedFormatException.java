package org.tabale.ingest.parse;

/** The submission as a whole is not in the announced format (no header, not CSV, not JSON). */
public final class FeedFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
