package org.tabale.alerts.route;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The responders file ({@code TABALE_RESPONDERS}, YAML): a list of {@link Responder}s under
 * {@code responders:}. Unknown fields are refused (a typo must not silently drop a channel), and
 * every error names the source, the line and the field: {@code responders.yml line 12,
 * responders[1].channels.sms: sms must be a number in E.164 form...}.
 *
 * <pre>{@code
 * responders:
 *   - name: mopti-officers
 *     regions: [MLI.Mopti, MLI.Segou]   # ids, Country/Admin1, country codes (MLI) or *
 *     minSeverity: moderate             # minor (default), moderate, severe, extreme
 *     language: fr                      # fr or en
 *     tier: 1                           # 1 (default) is told first; 2 on escalation...
 *     channels:
 *       webhook: {url: https://ops.example.org/hook, secret: whsec_...}
 *       email: officer@example.org
 *       sms: "+22370000000"
 * }</pre>
 */
public final class Responders {

    private static final String BUNDLED = "/org/tabale/alerts/responders.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The file's shape: one key, {@code responders}. */
    private record File(List<Responder> responders) {
    }

    private Responders() {
    }

    /** Reads a responders file; fails with the file name, line and field of the first error. */
    public static List<Responder> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read responders file " + file, e);
        }
    }

    /** The example responders shipped with the project (example.org addresses, see the resource). */
    public static List<Responder> bundledExample() {
        try (InputStream in = Responders.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("responders resource missing: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "responders.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses responders from YAML text.
     *
     * @param source how errors name the text, a file name
     * @throws IllegalArgumentException naming source, line and field on any error
     */
    public static List<Responder> parse(String yaml, String source) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e, source, yaml), e);
        }
        if (file == null || file.responders() == null || file.responders().isEmpty()) {
            throw new IllegalArgumentException(source + ": 'responders' must list at least one responder");
        }
        for (int i = 0; i < file.responders().size(); i++) {
            if (file.responders().get(i) == null) {
                // Jackson binds an empty list entry ("- ~", "-") to null rather than failing.
                throw new IllegalArgumentException(source + ", responders[" + i
                        + "]: a responder is a mapping of name, regions, language and channels, was empty");
            }
        }
        Set<String> names = new HashSet<>();
        for (Responder responder : file.responders()) {
            if (!names.add(responder.name())) {
                throw new IllegalArgumentException(source + ": responder name '" + responder.name() + "' is used twice");
            }
        }
        return List.copyOf(file.responders());
    }

    private static String describe(JsonProcessingException e, String source, String yaml) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        if (e instanceof UnrecognizedPropertyException unknown && line > 0) {
            // Records are built once their whole mapping is read, so Jackson stands past the
            // unknown key: point at the last line before it that holds that key.
            line = lineOfKey(yaml, unknown.getPropertyName(), line);
        }
        String where = source + (line > 0 ? " line " + line : "");
        String field = e instanceof JsonMappingException m ? path(m) : "";
        Throwable cause = e.getCause();
        String reason = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage() : e.getOriginalMessage();
        if (reason == null || reason.isBlank()) {
            // A check that gave no message (List.copyOf on a null): say at least what failed.
            reason = "invalid value (" + (cause != null ? cause : e).getClass().getSimpleName() + ")";
        }
        return where + (field.isEmpty() ? "" : ", " + field) + ": " + reason;
    }

    private static int lineOfKey(String yaml, String key, int before) {
        Pattern keyPattern = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        List<String> lines = yaml.lines().toList();
        for (int i = Math.min(before, lines.size()) - 1; i >= 0; i--) {
            if (keyPattern.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return before;
    }

    /** {@code responders[1].channels.sms}, from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
