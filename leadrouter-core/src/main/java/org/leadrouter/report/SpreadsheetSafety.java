package org.leadrouter.report;

/** Stops a spreadsheet from running a cell as a formula (CSV injection), following OWASP's advice. */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {
    }

    /**
     * Prefixes an apostrophe to a cell starting with = + - @ TAB CR or LF, or with the full-width ＝ ＋ － ＠ that
     * some spreadsheets and input methods turn into their ASCII forms; Excel then shows the cell as text. Phone
     * numbers in E.164 start with "+" and would otherwise be evaluated as a formula. NUL characters, which cut a
     * cell short in some programs, are removed, and a lone half of a surrogate pair (which UTF-8 cannot hold)
     * becomes U+FFFD. Null becomes "".
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        String text = wellFormed(cell);
        if (text.isEmpty()) {
            return "";
        }
        return startsLikeFormula(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet could take the text as a formula: it starts with = + - @ TAB CR LF or ＝ ＋ － ＠. */
    static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** Without NUL characters, and with any lone half of a surrogate pair replaced by U+FFFD. */
    static String wellFormed(String cell) {
        StringBuilder out = null;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            String replacement = null;
            if (c == '\0') {
                replacement = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < cell.length() && Character.isLowSurrogate(cell.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(cell.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(cell.length()).append(cell, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? cell : out.toString();
    }
}
