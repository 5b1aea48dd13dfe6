package org.leadrouter.csv;

import org.leadrouter.lead.Texts;

/** Makes text taken from a file safe to quote in one line of a message. */
final class CsvTexts {

    private CsvTexts() {
    }

    /**
     * Controls, line breaks and invisible format characters become spaces, runs of spaces one space; a text
     * longer than max keeps its beginning and end around "…".
     */
    static String oneLine(String value, int max) {
        // a 5 MB cell is only ever shown by its ends
        String s = value.length() > 4 * max
                ? value.substring(0, 2 * max) + " " + value.substring(value.length() - 2 * max) : value;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        String collapsed = Texts.collapse(out.toString());
        if (collapsed.length() <= max) {
            return collapsed;
        }
        int head = cutPoint(collapsed, (max - 1) * 2 / 3);
        int tail = cutPoint(collapsed, collapsed.length() - (max - 1 - head));
        return collapsed.substring(0, head) + "…" + collapsed.substring(tail);
    }

    /** An index near i that does not split a surrogate pair. */
    private static int cutPoint(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i + 1 : i;
    }

    /** A value quoted for a message: one line, at most 60 characters. */
    static String quote(String value) {
        return "'" + oneLine(value, 60) + "'";
    }
}
