package org.leadrouter.csv;

import java.util.Arrays;

/** Maps a character offset in a text to its physical line number, counting CRLF, LF and lone CR as one break. */
final class LineIndex {

    private final int[] lineStarts;
    private final int count;

    LineIndex(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c != '\r' && c != '\n') {
                continue;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        this.lineStarts = starts;
        this.count = n;
    }

    /** 1-based line number of the character at offset. */
    int lineOf(long offset) {
        int found = Arrays.binarySearch(lineStarts, 0, count, (int) offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
