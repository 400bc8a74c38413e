package org.tabale.ingest.protect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what identifies people from free text before it is stored or served: any e-mail address
 * ({@code [email]}), any phone number ({@code [phone]}: 8 to 15 digits, with or without
 * {@code +}/{@code 00} and code, spaced by blanks, dots, dashes or brackets; dates such as
 * {@code 2011-03-20} and decimals such as {@code 32.374298} are left alone), the reporter's own
 * name (and each part of it), account and number (in a form the phone rule missed) wherever
 * they occur ({@code [reporter]}, case and accents ignored), and any {@code @handle}
 * ({@code [account]}).
 *
 * <p>Other people's names cannot be detected in free text: a description that names a third
 * person keeps that name. Long numbers that are not phone numbers (a 9-digit figure, a number
 * inside a link) are redacted too: the rule errs on the side of the informant.
 */
public final class Redactor {

    public static final String PHONE = "[phone]";
    public static final String EMAIL = "[email]";
    public static final String HANDLE = "[account]";
    public static final String REPORTER = "[reporter]";

    // Bounded, and tried only where a run of address characters starts (or where the last address
    // ended): Java's regex engine recurses once per repetition of a group, so "a.a.a…" a few
    // thousand long overflowed the stack, and trying every position of a long word was quadratic.
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?:\\G|(?<![\\p{L}\\p{N}._%+-]))[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+){0,126}\\.\\p{L}{2,}");
    private static final Pattern AT_HANDLE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![A-Za-z0-9_@])");
    /** The most digits a candidate takes; a longer run of digits is no phone number, and is skipped whole. */
    private static final int MAX_RUN = 40;
    private static final String SEPARATORS = " \u00A0.-()";
    // Bounded: Java's regex engine recurses once per repetition of a group, so an unbounded run of
    // a few thousand digits overflowed the stack.
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?:\\+|\\(\\+?)?\\d(?:[ \\u00A0.\\-()]{0,2}\\d){1," + (MAX_RUN - 1) + "}");
    private static final Pattern DATE_START = Pattern.compile(
            "\\(?(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2})(?!\\d)");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final int MIN_NAME_PART = 3;

    private Redactor() {
    }

    /** {@code text} without e-mail addresses, handles and phone numbers. */
    public static String redact(String text) {
        return redact(text, Identity.NONE);
    }

    /**
     * Free text ({@code text}) without the reporter's identity, each part of their name included,
     * nor e-mail addresses, handles and phone numbers.
     */
    public static String redact(String text, Identity reporter) {
        return redact(text, reporter, true);
    }

    /**
     * A structured value (a place name, a date, a count) without the reporter's whole name,
     * account or number, e-mail addresses, handles and phone numbers. Parts of the name are left:
     * a reporter named like a region must not blank the region.
     */
    public static String redactValue(String text, Identity reporter) {
        return redact(text, reporter, false);
    }

    private static String redact(String text, Identity reporter, boolean nameParts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Numbers first, so that the reporter's own number goes whole, country code included.
        String out = phones(EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL));
        for (Pattern own : reporterPatterns(reporter, nameParts)) {
            out = replaceFolded(out, own, REPORTER);
        }
        return AT_HANDLE.matcher(out).replaceAll(HANDLE);
    }

    private static String phones(String text) {
        Matcher candidate = PHONE_CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (from < text.length() && candidate.find(from)) {
            String found = candidate.group();
            Matcher date = DATE_START.matcher(found);
            if (date.lookingAt()) {
                from = candidate.start() + date.end(); // a phone number may still follow the date
                continue;
            }
            long digits = found.chars().filter(Character::isDigit).count();
            if (digits >= MAX_RUN) {
                from = runEnd(text, candidate.end()); // the rest of the run is no phone number either
                continue;
            }
            boolean gluedToWord = candidate.end() < text.length() && Character.isLetter(text.charAt(candidate.end()));
            if (digits >= 8 && digits <= 15 && !DECIMAL.matcher(found).matches() && !gluedToWord) {
                // "(+223) 76..." goes whole; in "(76 12 34 56)" the brackets are the sentence's
                int start = found.startsWith("(") && found.indexOf(')') < 0 ? candidate.start() + 1 : candidate.start();
                out.append(text, copied, start).append(PHONE);
                copied = candidate.end();
            }
            from = candidate.end();
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where a run of digits and separators (as {@link #PHONE_CANDIDATE} takes them) that reaches {@code from} ends. */
    private static int runEnd(String text, int from) {
        int end = from;
        while (true) {
            int next = end;
            while (next < text.length() && next - end < 2 && SEPARATORS.indexOf(text.charAt(next)) >= 0) {
                next++;
            }
            if (next == text.length() || text.charAt(next) < '0' || text.charAt(next) > '9') {
                return end;
            }
            end = next + 1;
        }
    }

    /** Patterns over the folded text (see {@link #fold}) for the reporter's own name, account and number. */
    private static List<Pattern> reporterPatterns(Identity reporter, boolean nameParts) {
        List<Pattern> patterns = new ArrayList<>();
        if (reporter.phone() != null) {
            String digits = reporter.phone().replaceAll("\\D", "");
            if (digits.length() >= 6) {
                String national = digits.substring(Math.max(0, digits.length() - 8));
                StringBuilder spaced = new StringBuilder("(?<!\\d)");
                for (int i = 0; i < national.length(); i++) {
                    spaced.append(i == 0 ? "" : "[\\s.\\-()]{0,2}").append(national.charAt(i));
                }
                patterns.add(Pattern.compile(spaced.append("(?!\\d)").toString()));
            }
        }
        if (reporter.account() != null) {
            String account = fold(reporter.account());
            account = account.startsWith("@") ? account.substring(1) : account;
            if (!account.isBlank()) {
                patterns.add(Pattern.compile(BEFORE + "@?" + Pattern.quote(account) + AFTER));
            }
        }
        if (reporter.name() != null) {
            List<String> words = new ArrayList<>();
            for (String word : fold(reporter.name()).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                patterns.add(Pattern.compile(BEFORE + String.join("[^\\p{L}\\p{N}]+", words.stream().map(Pattern::quote)
                        .toList()) + AFTER));
            }
            if (nameParts) {
                Set<String> parts = new LinkedHashSet<>();
                words.stream().filter(word -> word.length() >= MIN_NAME_PART).forEach(parts::add);
                parts.forEach(part -> patterns.add(Pattern.compile(BEFORE + Pattern.quote(part) + AFTER)));
            }
        }
        return patterns;
    }

    /** Replaces the matches of {@code pattern} in the folded text at the same places of the original. */
    private static String replaceFolded(String text, Pattern pattern, String replacement) {
        Matcher matcher = pattern.matcher(fold(text));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            out.append(text, copied, matcher.start()).append(replacement);
            copied = matcher.end();
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Lower case without accents, one character for one, so that positions carry over to the original. */
    static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String decomposed = Character.isSurrogate(c) ? String.valueOf(c)
                    : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            folded[i] = Character.toLowerCase(decomposed.charAt(0));
        }
        return new String(folded);
    }
}
