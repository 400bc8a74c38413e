package org.tabale.ingest.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from the HTML-ish text of Ushahidi exports: {@code <br>} becomes a line break, other
 * tags go, and character references ({@code &quot;}, {@code &#8217;}, {@code &#x2019;}) become
 * their characters. Unknown named references are left as written.
 */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]{0,500})?/?>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("quot", "\""), Map.entry("amp", "&"), Map.entry("apos", "'"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("nbsp", "\u00A0"), Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"),
            Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"), Map.entry("agrave", "\u00E0"),
            Map.entry("ccedil", "\u00E7"), Map.entry("ocirc", "\u00F4"), Map.entry("ecirc", "\u00EA"));

    private HtmlText() {
    }

    static String plain(String text) {
        if (text == null || text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        String untagged = TAG.matcher(BREAK.matcher(text).replaceAll("\n")).replaceAll("");
        Matcher reference = REFERENCE.matcher(untagged);
        StringBuilder out = new StringBuilder(untagged.length());
        while (reference.find()) {
            reference.appendReplacement(out, Matcher.quoteReplacement(decode(reference.group(1), reference.group())));
        }
        return reference.appendTail(out).toString();
    }

    private static String decode(String name, String asWritten) {
        if (name.charAt(0) != '#') {
            return NAMED.getOrDefault(name, asWritten);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? new String(Character.toChars(codePoint)) : asWritten;
    }
}
