package org.leadrouter.csv;

import org.leadrouter.i18n.Messages;
import org.leadrouter.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the user reads when a workbook cannot be used, and how a cell's text is cleaned for reading. A parser's own
 * sentence (English, technical) goes to the log for the administrator, never into the team's reason.
 */
final class WorkbookTexts {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbookTexts.class);

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

    /** A workbook that cannot be read; {@code cause}, the parser's failure, is logged. */
    static Text damaged(Throwable cause) {
        LOG.info("workbook cannot be read: {}", CsvTexts.oneLine(String.valueOf(cause), 300));
        return new Text("workbook.damaged");
    }

    /** A file that begins as a workbook but whose archive cannot be opened: cut short, or damaged. */
    static Text truncated() {
        return new Text("workbook.damaged");
    }

    static Text strict() {
        return new Text("workbook.strict");
    }

    static Text oldExcel() {
        return new Text("file.old-excel");
    }

    static Text inflatesTooMuch() {
        return new Text("file.expands-too-much");
    }

    static Text outOfMemory(long heapBytes) {
        return new Text("workbook.out-of-memory", LeadCsvReader.size(heapBytes));
    }

    static String otherSheet(String sheet) {
        return Messages.t("warning.other-sheet", CsvTexts.quote(sheet));
    }

    static Text tooManyRows(long rows, long max) {
        return new Text("workbook.too-many-rows", rows, max);
    }
}
