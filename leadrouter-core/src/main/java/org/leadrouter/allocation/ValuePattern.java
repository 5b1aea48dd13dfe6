package org.leadrouter.allocation;

import java.util.Objects;

/** One value of a rule: matched ignoring case, accents and spaces; {@code *} stands for any text ({@code Feria*}). */
public final class ValuePattern {
    private final String text;
    private final String folded;

    public ValuePattern(String text) {
        this.text = Objects.requireNonNull(text, "text == null");
        this.folded = Folding.value(text);
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("an empty value cannot be matched");
        }
    }

    /** The value as configured. */
    public String text() {
        return text;
    }

    /** Whether a value already folded with {@link Folding#value} matches. */
    public boolean matchesFolded(String foldedValue) {
        return glob(folded, foldedValue);
    }

    public boolean matches(String value) {
        return matchesFolded(Folding.value(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValuePattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
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
