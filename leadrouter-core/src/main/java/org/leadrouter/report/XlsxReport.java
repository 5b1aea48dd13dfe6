package org.leadrouter.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The result report as an Excel workbook: the same columns as the CSV, every cell but the row number stored as
 * text (so phones keep their "+" and leading zeros, and ids like {@code 19x5} stay as written) in the Text format,
 * and a cell that starts like a formula marked with Excel's own quote prefix, so it can never run, not even when
 * someone edits it. Rows stream to disk as they are written (Apache POI's SXSSF), so memory stays bounded.
 */
final class XlsxReport {
    /** Rows kept in memory while writing; the rest is already on disk (compressed, removed at the end). */
    private static final int WINDOW = 200;
    private static final int TEXT_FORMAT = 49; // Excel's built-in "@"
    private static final int[] WIDTHS = {28, 30, 18, 24, 14, 20, 14, 12, 8, 60}; // by column, in characters

    private XlsxReport() {
    }

    static void write(OutputStream out, List<ReportRow> rows) throws IOException {
        List<String> columns = ReportWriter.COLUMNS;
        int rowColumn = columns.indexOf("Row");
        SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, true);
        try {
            CellStyle text = wb.createCellStyle();
            text.setDataFormat((short) TEXT_FORMAT);
            CellStyle quoted = wb.createCellStyle();
            quoted.cloneStyleFrom(text);
            quoted.setQuotePrefixed(true);
            CellStyle header = wb.createCellStyle();
            header.cloneStyleFrom(text);
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);

            SXSSFSheet sheet = wb.createSheet("Informe");
            Row first = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                first.createCell(c).setCellValue(columns.get(c));
                first.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, 256 * (c < WIDTHS.length ? WIDTHS[c] : 16));
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, columns.size() - 1));
            int r = 1;
            for (ReportRow row : rows) {
                Row line = sheet.createRow(r++);
                List<String> cells = ReportWriter.rawCells(row).toList();
                for (int c = 0; c < cells.size(); c++) {
                    if (c == rowColumn) {
                        line.createCell(c).setCellValue(row.row()); // the row number stays a number, for sorting
                        continue;
                    }
                    String value = cells.get(c) == null ? "" : SpreadsheetSafety.wellFormed(cells.get(c));
                    if (value.isEmpty()) {
                        continue;
                    }
                    var cell = line.createCell(c);
                    cell.setCellValue(value);
                    cell.setCellStyle(SpreadsheetSafety.startsLikeFormula(value) ? quoted : text);
                }
            }
            wb.write(out);
        } finally {
            wb.close(); // also removes the temporary files
        }
    }
}
