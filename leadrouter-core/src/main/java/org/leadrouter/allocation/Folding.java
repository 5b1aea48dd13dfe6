package org.leadrouter.allocation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How routing compares texts and names columns: case, accents and surrounding or repeated spaces do not count. */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Folding() {
    }

    /** {@code "  Enfermería "} → {@code "enfermeria"}; inner spaces collapse to one. */
    public static String value(String text) {
        String noMarks = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(noMarks).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    /** A column's key as rules name it: {@code "Código Postal"} → {@code "codigo-postal"}. */
    public static String columnKey(String header) {
        String folded = NOT_WORD.matcher(value(header)).replaceAll("-");
        int start = 0;
        int end = folded.length();
        while (start < end && folded.charAt(start) == '-') {
            start++;
        }
        while (end > start && folded.charAt(end - 1) == '-') {
            end--;
        }
        return folded.substring(start, end);
    }
}
