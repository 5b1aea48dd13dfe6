package org.leadrouter.csv;

import java.util.ArrayList;
import java.util.List;

import org.leadrouter.lead.Texts;

/**
 * The rows of one worksheet as they stream past: the first non-blank row is the header, the others are data rows
 * kept with the sheet's own row number. Blank rows are skipped (their numbers stay counted, as in the sheet);
 * past the row limit rows are only counted, so a too-large sheet is refused with its size without being held.
 */
final class SheetRows {
    private final String sheetName;
    private final int sheetIndex;
    private final long maxRows;
    final List<List<String>> records = new ArrayList<>();
    final List<Integer> rowNumbers = new ArrayList<>();
    long dataRows;

    SheetRows(String sheetName, int sheetIndex, long maxRows) {
        this.sheetName = sheetName;
        this.sheetIndex = sheetIndex;
        this.maxRows = maxRows;
    }

    String sheetName() {
        return sheetName;
    }

    /** The sheet's position among the workbook's worksheets, 0 for the first. */
    int sheetIndex() {
        return sheetIndex;
    }

    boolean hasHeader() {
        return !records.isEmpty();
    }

    /** Takes one row; {@code number} is the sheet's (1-based), {@code cells} the shown text by column position. */
    void add(int number, List<String> cells) {
        if (isBlank(cells)) {
            return;
        }
        if (records.isEmpty()) {
            records.add(List.copyOf(cells));
            rowNumbers.add(number);
            return;
        }
        dataRows++;
        if (dataRows <= maxRows) {
            records.add(List.copyOf(cells));
            rowNumbers.add(number);
        }
    }

    private static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (!Texts.strip(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
