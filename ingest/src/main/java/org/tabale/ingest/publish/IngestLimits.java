package org.tabale.ingest.publish;

/**
 * Limits on one submission: at most {@code maxRows} data rows ({@code TABALE_MAX_ROWS}; the whole
 * request is refused beyond it, 413) and at most {@code maxFieldChars} characters in any field
 * ({@code TABALE_MAX_FIELD_CHARS}; the row is refused beyond it).
 */
public record IngestLimits(int maxRows, int maxFieldChars) {

    public static final IngestLimits DEFAULT = new IngestLimits(250_000, 20_000);

    public IngestLimits {
        if (maxRows < 1) {
            throw new IllegalArgumentException("TABALE_MAX_ROWS must be >= 1, was " + maxRows);
        }
        if (maxFieldChars < 100) {
            throw new IllegalArgumentException("TABALE_MAX_FIELD_CHARS must be >= 100, was " + maxFieldChars);
        }
    }

    /** A submission with more rows than the limit: refused whole, before anything is published. */
    public static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TooManyRows(int rows, int limit) {
            super(rows + " data rows exceed the limit of " + limit + " rows per request (TABALE_MAX_ROWS): split the file"
                    + " or use 'tabale replay', which sends it in batches");
        }
    }
}
