package org.tabale.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tabale.app.http.ApiRole;
import org.tabale.app.http.Tokens;
import org.tabale.model.JsonSerde;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tabale replay FILE...}: pushes CSV files through the ingest API of a running Tabalé, in
 * batches of rows (so files of any size stream through), with a progress bar. Batches the server
 * cannot take right now (429, 503) are sent again after a pause; the totals and the first refused
 * rows are printed at the end.
 */
@Command(name = "replay", description = "Push event files through the ingest API of a running Tabalé, with a progress bar.")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files: ACLED exports (any dialect), or UCDP GED with --source ucdp")
    List<Path> files;

    @Option(names = "--url", description = "Base URL of Tabalé (default http://localhost:$TABALE_HTTP_PORT or 8080)")
    String url;

    @Option(names = "--token", description = "Integrator token (default: $TABALE_TOKEN, or the first integrator/admin token of $TABALE_TOKENS"
            + " neither expired nor in $TABALE_TOKENS_REVOKED)")
    String token;

    @Option(names = "--batch", defaultValue = "5000", description = "Rows per request (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--source", defaultValue = "acled", description = "Feed format: acled (default) or ucdp")
    String source;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final long[] totals = new long[4];
    private int errorsShown;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        URI endpoint = URI.create(baseUrl() + "/api/v1/events?source=" + source);
        String bearer = bearer();
        for (Path file : expand(files)) {
            long[] before = totals.clone();
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                sendJson(file, endpoint, bearer);
            } else {
                replay(file, endpoint, bearer, err);
            }
            System.out.printf("%s: accepted %,d, duplicates %,d, stale %,d, rejected %,d%n", file, totals[0] - before[0],
                    totals[1] - before[1], totals[2] - before[2], totals[3] - before[3]);
        }
        System.out.printf("total: accepted %,d, duplicates %,d, stale %,d, rejected %,d%n", totals[0], totals[1], totals[2], totals[3]);
        return totals[3] > 0 ? 1 : 0;
    }

    /** Files as given, directories replaced by the .csv and .json files under them, in name order. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> expanded = new java.util.ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (var walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|json)$"))
                            .sorted().forEach(expanded::add);
                }
            } else if (Files.isRegularFile(path)) {
                expanded.add(path);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
        }
        return expanded;
    }

    /** A JSON file is one request (JSON arrays are not cut into batches): it must fit the server's body limit. */
    private void sendJson(Path file, URI endpoint, String bearer) throws IOException, InterruptedException {
        send(endpoint, bearer, Files.readString(file, StandardCharsets.UTF_8), file, 1, "application/json");
    }

    private void replay(Path file, URI endpoint, String bearer, PrintStream err) throws IOException, InterruptedException {
        long size = Files.size(file);
        Charset charset = detect(file);
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file)));
             Reader reader = new InputStreamReader(counted, charset);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            CSVRecord header = null;
            StringWriter chunk = new StringWriter();
            CSVPrinter printer = null;
            long rowsInChunk = 0;
            long firstRow = 1;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record;
                    chunk = new StringWriter();
                    printer = startChunk(chunk, header);
                    continue;
                }
                printer.printRecord(record.toList());
                if (++rowsInChunk == batch) {
                    send(endpoint, bearer, chunk.toString(), file, firstRow);
                    firstRow += rowsInChunk;
                    rowsInChunk = 0;
                    chunk = new StringWriter();
                    printer = startChunk(chunk, header);
                    progress(err, file, counted.count, size);
                }
            }
            if (rowsInChunk > 0) {
                send(endpoint, bearer, chunk.toString(), file, firstRow);
            }
            progress(err, file, size, size);
            err.println();
        }
    }

    private static CSVPrinter startChunk(StringWriter chunk, CSVRecord header) throws IOException {
        CSVPrinter printer = new CSVPrinter(chunk, CSVFormat.DEFAULT);
        printer.printRecord(header.toList());
        return printer;
    }

    private void send(URI endpoint, String bearer, String csv, Path file, long firstRow) throws IOException, InterruptedException {
        send(endpoint, bearer, csv, file, firstRow, "text/csv; charset=utf-8");
    }

    private void send(URI endpoint, String bearer, String body, Path file, long firstRow, String type)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode result = JsonSerde.MAPPER.readTree(response.body());
                totals[0] += result.path("accepted").asLong();
                totals[1] += result.path("duplicates").asLong();
                totals[2] += result.path("stale").asLong();
                totals[3] += result.path("rejected").asLong();
                for (JsonNode error : result.path("errors")) {
                    if (errorsShown++ < 10) {
                        System.err.printf("%n%s row %d (%s): %s", file.getFileName(), firstRow - 1 + error.path("row").asLong(),
                                error.path("eventId").asText("no id"), error.path("reason").asText());
                    }
                }
                return;
            }
            boolean retryable = response.statusCode() == 429 || response.statusCode() == 503;
            if (!retryable || attempt == 10) {
                throw new IllegalStateException("the server refused a batch of " + file + " from row " + firstRow + ": "
                        + response.statusCode() + " " + response.body());
            }
            Thread.sleep(response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000).orElse(pause.toMillis()));
            pause = pause.multipliedBy(2);
        }
    }

    private static void progress(PrintStream err, Path file, long done, long size) {
        int width = 30;
        int filled = size == 0 ? width : (int) Math.min(width, done * width / size);
        err.printf("\r%-30s [%s%s] %3d%%", file.getFileName(), "#".repeat(filled), ".".repeat(width - filled),
                size == 0 ? 100 : done * 100 / size);
    }

    private String baseUrl() {
        if (url != null) {
            return url.replaceAll("/+$", "");
        }
        return "http://localhost:" + System.getenv().getOrDefault("TABALE_HTTP_PORT", "8080");
    }

    private String bearer() {
        if (token != null) {
            return token;
        }
        Map<String, String> env = System.getenv();
        if (env.get("TABALE_TOKEN") != null) {
            return env.get("TABALE_TOKEN");
        }
        String tokens = env.get("TABALE_TOKENS");
        if (tokens != null && !tokens.isBlank()) {
            for (ApiRole role : List.of(ApiRole.INTEGRATOR, ApiRole.ADMIN)) {
                Optional<String> usable = Tokens.firstUsable(tokens, env.get("TABALE_TOKENS_REVOKED"), role, Instant.now());
                if (usable.isPresent()) {
                    return usable.get();
                }
            }
        }
        throw new IllegalArgumentException("no token: pass --token, or set TABALE_TOKEN or TABALE_TOKENS");
    }

    /** UTF-8 when the first megabyte decodes as UTF-8, otherwise Windows-1252 (ACLED's older exports). */
    private static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        int end = head.length;
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--; // do not judge a multi-byte character cut at the sample's end
        }
        if (end > 0 && end < head.length && (head[end - 1] & 0x80) != 0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
