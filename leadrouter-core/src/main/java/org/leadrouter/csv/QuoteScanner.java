package org.leadrouter.csv;

/** Follows RFC 4180 quoting the way the reader's parser does, to tell where an unclosed quotation mark opened. */
final class QuoteScanner {

    private QuoteScanner() {
    }

    /** Offset of a quotation mark that opens a field and is never closed, or -1 when every quote is closed. */
    static int unclosedQuote(String text, char delimiter) {
        boolean fieldStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == delimiter || c == '\r' || c == '\n') {
                fieldStart = true;
                i++;
            } else if (fieldStart && Character.isWhitespace(c)) {
                i++; // surrounding spaces are ignored before a quoted value
            } else if (fieldStart && c == '"') {
                int open = i++;
                while (true) {
                    if (i >= n) {
                        return open;
                    }
                    if (text.charAt(i) == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                fieldStart = false;
            } else {
                fieldStart = false;
                i++;
            }
        }
        return -1;
    }
}
