package org.tabale.alerts.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages responders read, by their configuration code ({@code fr}, {@code en}). */
public enum Language {
    FR("fr", "fr-FR", Locale.FRANCE),
    EN("en", "en-US", Locale.US);

    private final String code;
    private final String capTag;
    private final Locale locale;

    Language(String code, String capTag, Locale locale) {
        this.code = code;
        this.capTag = capTag;
        this.locale = locale;
    }

    /** The configuration code: {@code fr}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The RFC 3066 tag CAP's {@code <language>} takes: {@code fr-FR}. */
    public String capTag() {
        return capTag;
    }

    /** The locale for number formats. */
    public Locale locale() {
        return locale;
    }

    /** The language for a code, case ignored; fails naming the accepted codes. */
    @JsonCreator
    public static Language parse(String code) {
        String folded = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(folded)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("language must be one of "
                        + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "))
                        + ", was '" + code + "'"));
    }
}
