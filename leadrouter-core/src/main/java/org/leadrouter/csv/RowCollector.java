package org.leadrouter.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.leadrouter.i18n.Text;

/**
 * Gathers the cells of one worksheet row as a streaming reader reports them (in any column order, with gaps) and
 * hands the complete row to a {@link SheetRows}; a reader that only wants the header stops after the first
 * non-blank row.
 */
final class RowCollector {
    /** Thrown to stop a streaming parse early, once the header row is known. */
    static final class HeaderSeen extends RuntimeException {
        HeaderSeen() {
            super(null, null, false, false);
        }
    }

    /** Cells beyond this column are never lead data, and a hostile sheet cannot make a row this wide in memory. */
    static final int MAX_COLUMNS = 256;

    private final SheetRows rows;
    private final boolean headerOnly;
    private final List<String> cells = new ArrayList<>();
    private final Map<Integer, Text> problems = new TreeMap<>();
    private int row = -1;

    RowCollector(SheetRows rows, boolean headerOnly) {
        this.rows = rows;
        this.headerOnly = headerOnly;
    }

    /** Starts a row; {@code number} is the sheet's row number (1-based). A row not ended is ended first. */
    void start(int number) {
        if (row >= 0) {
            end();
        }
        row = number;
        cells.clear();
        problems.clear();
    }

    void cell(int column, String text) {
        if (row < 0 || column < 0 || column >= MAX_COLUMNS || text == null) {
            return;
        }
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, text);
    }

    /** A cell whose value could not be had (a formula that could not be calculated): the row cannot be used. */
    void problem(int column, Text reason) {
        if (row < 0 || column < 0 || column >= MAX_COLUMNS) {
            return;
        }
        cell(column, "");
        problems.putIfAbsent(column, reason);
    }

    /** Ends the current row: it goes to the sheet's rows, and a header-only reading stops at the first one kept. */
    void end() {
        if (row < 0) {
            return;
        }
        int number = row;
        row = -1;
        rows.add(number, cells, problems);
        if (headerOnly && rows.hasHeader()) {
            throw new HeaderSeen();
        }
    }
}
