package org.tabale.ingest.protect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA256) for reporters, and report ids for community reports.
 *
 * <p>One informant gets one pseudonym: the identity is normalised first and the strongest
 * identifier present is hashed, in this order: the phone number (digits only, in international
 * form: {@code +223 76 12 34 56}, {@code 0022376123456} and, on a Malian report,
 * {@code 76.12.34.56} are one number), else the account (case folded, without a leading
 * {@code @}), else the name (case and accents folded, punctuation dropped, words sorted, so
 * "Traoré, Amadou" is "Amadou TRAORE"). So a reporter who gives a phone number keeps the
 * pseudonym of that number whatever name they sign with.
 *
 * <p>A keyed hash, not a plain one: phone numbers are few enough (10^8 in Mali) to hash them all,
 * so an unkeyed hash would be a lookup table away from the number. The same holds for report ids,
 * derived from the source and its external id, which may be an SMS gateway's id built on the
 * sender's number. The two uses take separate keys derived from the one secret.
 */
public final class Pseudonymiser {

    /** Country calling code and national number length, for numbers written without the code. */
    private record Numbering(String code, int nationalDigits) {
    }

    private static final Map<String, Numbering> NUMBERING = Map.of(
            "MLI", new Numbering("223", 8), "BFA", new Numbering("226", 8), "NER", new Numbering("227", 8),
            "MRT", new Numbering("222", 8), "TCD", new Numbering("235", 8), "SEN", new Numbering("221", 9));
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_PHONE_DIGITS = 6;

    private final byte[] reporterKey;
    private final byte[] reportIdKey;

    public Pseudonymiser(PseudonymKey key) {
        byte[] secret = key.secret();
        this.reporterKey = hmac(secret, "tabale/reporter/v1");
        this.reportIdKey = hmac(secret, "tabale/report-id/v1");
    }

    /**
     * The reporter's pseudonym ({@code inf-} and 32 hex digits), or empty when the identity names
     * nobody. {@code iso3} is the report's country, for phone numbers written without their code.
     */
    public Optional<String> pseudonym(Identity identity, String iso3) {
        String phone = identity.phone() == null ? null : phoneDigits(identity.phone(), iso3);
        String input;
        if (phone != null) {
            input = "phone\u0000" + phone;
        } else if (identity.account() != null && !account(identity.account()).isEmpty()) {
            input = "account\u0000" + account(identity.account());
        } else if (identity.name() != null && !name(identity.name()).isEmpty()) {
            input = "name\u0000" + name(identity.name());
        } else {
            return Optional.empty();
        }
        return Optional.of("inf-" + HexFormat.of().formatHex(hmac(reporterKey, input), 0, 16));
    }

    /** The id of a report from its source and its id there: the same pair always gives the same id. */
    public String reportId(String source, String externalId) {
        return "rpt-" + HexFormat.of().formatHex(hmac(reportIdKey, source + "\u0000" + externalId.trim()), 0, 16);
    }

    /** A fresh id, for a report its source gave no id. */
    public static String randomReportId() {
        return "rpt-" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The number's digits in international form, or null when it has too few digits to be a
     * number: a leading {@code +} or {@code 00} marks the code as present; otherwise a number of
     * the national length (optionally after a trunk {@code 0}) gets the code of {@code iso3}.
     */
    static String phoneDigits(String raw, String iso3) {
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() < MIN_PHONE_DIGITS) {
            return null;
        }
        if (raw.trim().startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        Numbering numbering = iso3 == null ? null : NUMBERING.get(iso3.toUpperCase(Locale.ROOT));
        if (numbering != null) {
            if (digits.length() == numbering.nationalDigits()) {
                return numbering.code() + digits;
            }
            if (digits.length() == numbering.nationalDigits() + 1 && digits.startsWith("0")) {
                return numbering.code() + digits.substring(1);
            }
        }
        return digits;
    }

    static String account(String raw) {
        String folded = raw.trim().toLowerCase(Locale.ROOT);
        return folded.startsWith("@") ? folded.substring(1) : folded;
    }

    /** Case and accents folded, words sorted: "Traoré, Amadou" is "Amadou TRAORE". */
    static String name(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").trim();
        return folded.isEmpty() ? folded : String.join(" ", Arrays.stream(folded.split(" ")).sorted().toList());
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
