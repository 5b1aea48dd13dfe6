package org.leadrouter.sandbox;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Approximates MySQL's {@code utf8_general_ci}, the collation of a stock VTiger 8.1 database:
 * case- and accent-insensitive, trailing spaces ignored by comparisons (but not by LIKE).
 */
final class Collation {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Collation() {
    }

    /** The comparison key of a value; folding keeps one key character per base character. */
    static String fold(String value) {
        if (value.chars().allMatch(c -> c < 128)) {
            return value.toLowerCase(Locale.ROOT); // the common case, without the cost of normalizing
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static int compare(String a, String b) {
        return key(a).compareTo(key(b));
    }

    /** The key {@code =}, {@code <}, ORDER BY... compare: folded, trailing spaces dropped (PAD SPACE). */
    static String key(String value) {
        return stripTrailingSpaces(fold(value));
    }

    /** {@link #key} of an already folded value. */
    static String keyOfFolded(String folded) {
        return stripTrailingSpaces(folded);
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** MySQL LIKE with backslash as escape character: {@code %} any run, {@code _} one character. */
    static boolean like(String value, String pattern) {
        return likePattern(pattern).matcher(fold(value)).matches();
    }

    /** A LIKE pattern compiled once, to match against {@link #fold folded} values. */
    static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        String folded = fold(pattern);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\\' && i + 1 < folded.length()) {
                regex.append(Pattern.quote(String.valueOf(folded.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** MySQL's string-to-number cast: the longest numeric prefix, else 0. */
    static double toNumber(String value) {
        var m = NUMERIC_PREFIX.matcher(value);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }
}
