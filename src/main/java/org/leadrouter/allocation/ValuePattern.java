package org.leadrouter.allocation;

import java.util.Objects;

/** One value of a rule: matched ignoring case, accents and spaces; {@code *} stands for any text ({@code Feria*}). */
public record ValuePattern(String text) {

    public ValuePattern {
        Objects.requireNonNull(text, "text == null");
        if (Folding.value(text).isEmpty()) {
            throw new IllegalArgumentException("an empty value cannot be matched");
        }
    }

    public boolean matches(String value) {
        return glob(Folding.value(text), Folding.value(value));
    }

    private static boolean glob(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
