package org.leadrouter.csv;

import org.leadrouter.lead.Texts;

/** Picks the delimiter from the header line: the most frequent of ',' ';' TAB outside quotes, ',' on a tie. */
final class DelimiterSniffer {

    private static final char[] CANDIDATES = {',', ';', '\t'};

    private DelimiterSniffer() {
    }

    static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    /** The first line holding anything but spaces and delimiters, or "" when there is none. */
    static String firstNonBlankLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            String line = text.substring(start, end);
            if (!isBlank(line)) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    /** Blank means only spaces and delimiters, like the ";;;;" lines Excel leaves below the data. */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Texts.isSpace(c) && c != ',' && c != ';') {
                return false;
            }
        }
        return true;
    }
}
