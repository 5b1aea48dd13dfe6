package org.leadrouter.report;

/** Stops a spreadsheet from running a cell as a formula (CSV injection), following OWASP's advice. */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {
    }

    /**
     * Prefixes an apostrophe to a cell starting with = + - @ TAB or CR; Excel then shows it as text. Phone numbers
     * in E.164 start with "+" and would otherwise be evaluated as a formula. Null becomes "".
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
