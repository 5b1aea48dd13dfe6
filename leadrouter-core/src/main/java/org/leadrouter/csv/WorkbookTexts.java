package org.leadrouter.csv;

import org.leadrouter.i18n.Messages;
import org.leadrouter.i18n.Text;

/** What the user reads when a workbook cannot be used, and how a cell's text is cleaned for reading. */
final class WorkbookTexts {

    private WorkbookTexts() {
    }

    /** POI shows an error cell as "ERROR:#N/A"; a person sees "#N/A". */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        return value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value;
    }

    static Text encrypted() {
        return new Text("workbook.encrypted");
    }

    static Text noWorksheet() {
        return new Text("workbook.no-worksheet");
    }

    static Text allSheetsEmpty() {
        return new Text("workbook.all-sheets-empty");
    }

    static Text binaryWorkbook() {
        return new Text("workbook.xlsb");
    }

    static Text damaged(Exception e) {
        return new Text("workbook.damaged", CsvTexts.oneLine(String.valueOf(e.getMessage()), 160));
    }

    static String otherSheet(String sheet) {
        return Messages.t("warning.other-sheet", CsvTexts.quote(sheet));
    }

    static Text tooManyRows(long rows, long max) {
        return new Text("workbook.too-many-rows", rows, max);
    }
}
