package org.tabale.alerts.message;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SMS text in the GSM 03.38 7-bit alphabet, so an alert fits one 160-character SMS.
 *
 * <p>Policy: characters of the GSM basic table are kept, accents included (é è à ù ì ò É Ç Ä Ö
 * Ñ Ü ä ö ñ ü: "Ségou", "Ménaka" and "Tillabéri" arrive as written). Any other character is
 * transliterated to its nearest GSM form (ê→e, ç→c, ô→o, œ→oe, ’→', «»→", –→-, …→...), and what
 * has no form becomes '?'. A single non-GSM character would switch the whole SMS to UCS-2 and
 * cut its limit to 70 characters, which an alert with evidence does not fit in. Length is
 * counted in septets: the extension characters (€ [ ] { } ^ ~ | \ and form feed) take two.
 */
public final class Gsm7 {

    /** Septets in one SMS. */
    public static final int SMS_SEPTETS = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ç', "c"),
            Map.entry('\u2019', "'"), Map.entry('\u2018', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""),
            Map.entry('«', "\""), Map.entry('»', "\""), Map.entry('\u2013', "-"), Map.entry('\u2014', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('\u202F', " "), Map.entry('\t', " "));

    private Gsm7() {
    }

    /** The text with every character in the GSM 7-bit alphabet, per the class policy. */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp <= 0xFFFF && isGsm((char) cp)) {
                out.append((char) cp);
                return;
            }
            String special = cp <= 0xFFFF ? SPECIAL.get((char) cp) : null;
            if (special != null) {
                out.append(special);
                return;
            }
            String stripped = MARKS.matcher(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD))
                    .replaceAll("");
            out.append(!stripped.isEmpty() && stripped.chars().allMatch(c -> isGsm((char) c)) ? stripped : "?");
        });
        return out.toString();
    }

    /** Whether every character of the text is in the GSM 7-bit alphabet (basic or extension table). */
    public static boolean isGsm(String text) {
        return text.chars().allMatch(c -> isGsm((char) c));
    }

    /** The septets the text takes in GSM 7-bit; fails on a character outside the alphabet. */
    public static int septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM 7-bit alphabet");
            }
        }
        return septets;
    }

    private static boolean isGsm(char c) {
        return BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0;
    }
}
