package org.leadrouter.csv;

/** What the user reads when a workbook cannot be used, and how a cell's text is cleaned for reading. */
final class WorkbookTexts {

    private static final String SAVE_AS_XLSX = "open it in Excel, use File › Save As › Excel Workbook (.xlsx) "
            + "or CSV UTF-8, and drop the new file";

    private WorkbookTexts() {
    }

    /** POI shows an error cell as "ERROR:#N/A"; a person sees "#N/A". */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        return value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value;
    }

    static String encrypted() {
        return "this Excel workbook is protected with a password, so its leads cannot be read: open it in Excel, "
                + "remove the password (File › Info › Protect Workbook › Encrypt with Password, leave it empty) "
                + "or save a copy as CSV UTF-8, and drop that file";
    }

    static String noWorksheet() {
        return "this Excel workbook has no worksheet with data (only macros, charts or dialogs): copy the leads "
                + "into a normal worksheet, " + SAVE_AS_XLSX;
    }

    static String allSheetsEmpty() {
        return "every sheet of this Excel workbook is empty: it holds no header and no leads. Export the leads "
                + "again and drop the new file";
    }

    static String binaryWorkbook() {
        return "this is an Excel binary workbook (.xlsb), which this program does not read: " + SAVE_AS_XLSX;
    }

    static String damaged(Exception e) {
        return "this Excel workbook cannot be read (it may be damaged or incomplete: "
                + CsvTexts.oneLine(String.valueOf(e.getMessage()), 160) + "): " + SAVE_AS_XLSX;
    }

    static String otherSheet(String sheet) {
        return "the leads were read from the sheet " + CsvTexts.quote(sheet) + ", the first one whose header "
                + "this program recognises";
    }

    static String tooManyRows(String rows, String max) {
        return "the workbook has " + rows + " rows of leads, more than the " + max + " this program accepts in "
                + "one file: split it into files of at most " + max + " rows (each with the header row) and drop "
                + "them one at a time";
    }
}
