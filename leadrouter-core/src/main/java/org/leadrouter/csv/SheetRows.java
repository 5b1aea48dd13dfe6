package org.leadrouter.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.leadrouter.i18n.Text;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Texts;

/**
 * The rows of one worksheet as they stream past: the first non-blank row is the header, and each later row becomes
 * a lead at once, with the sheet's own row number, so the sheet's cells are never all held. Blank rows are skipped
 * (their numbers stay counted, as in the sheet); past the row limit rows are only counted, so a too-large sheet is
 * refused with its size without being held. The filled cells and their text are counted against the
 * {@link WorkbookLimits} and the sheet is refused as soon as it passes one.
 */
final class SheetRows {
    private final String sheetName;
    private final int sheetIndex;
    private final long maxRows;
    private final WorkbookLimits limits;
    private long cells;
    private long chars;
    List<String> header;
    ColumnMap columns;
    final List<String> warnings = new ArrayList<>();
    final List<RawLead> leads = new ArrayList<>();
    /** Filled cells under each nameless column, by position. */
    final Map<Integer, Integer> unnamedFilled = new TreeMap<>();
    private List<Integer> unnamed = List.of();
    long dataRows;

    SheetRows(String sheetName, int sheetIndex, long maxRows, WorkbookLimits limits) {
        this.sheetName = sheetName;
        this.sheetIndex = sheetIndex;
        this.maxRows = maxRows;
        this.limits = limits;
    }

    String sheetName() {
        return sheetName;
    }

    /** The sheet's position among the workbook's worksheets, 0 for the first. */
    int sheetIndex() {
        return sheetIndex;
    }

    boolean hasHeader() {
        return header != null;
    }

    /** The header as the lead file's column names. */
    List<String> headerNames() {
        return header.stream().map(LeadCsvReader::headerName).toList();
    }

    /**
     * Takes one row; {@code number} is the sheet's (1-based), {@code cells} the shown text by column position,
     * {@code problems} the cells whose value could not be had, by column position.
     */
    void add(int number, List<String> cells, Map<Integer, Text> problems) {
        if (isBlank(cells) && problems.isEmpty()) {
            return;
        }
        if (header == null) {
            header = List.copyOf(cells);
            return;
        }
        dataRows++;
        if (dataRows > maxRows) {
            return;
        }
        count(cells);
        if (columns == null) { // only a sheet whose header was found usable gets data rows
            try {
                columns = ColumnMap.of(headerNames(), warnings);
            } catch (UnreadableFileException e) {
                throw new IllegalStateException("rows taken under a header that cannot work", e);
            }
            unnamed = columns.unnamedColumns();
        }
        for (int position : unnamed) {
            if (position < cells.size() && !Texts.strip(cells.get(position)).isEmpty()) {
                unnamedFilled.merge(position, 1, Integer::sum);
            }
        }
        RawLead lead = LeadCsvReader.toRawLead(number, cells, columns);
        Text problem = firstKept(problems);
        leads.add(problem == null ? lead : lead.unusable(problem.localized()));
    }

    /** The first problem in a column whose value the lead keeps; a nameless column is never read. */
    private Text firstKept(Map<Integer, Text> problems) {
        for (Map.Entry<Integer, Text> problem : problems.entrySet()) {
            if (problem.getKey() < header.size() && !unnamed.contains(problem.getKey())) {
                return problem.getValue();
            }
        }
        return null;
    }

    private void count(List<String> row) {
        for (String cell : row) {
            if (!cell.isEmpty()) {
                cells++;
                chars += cell.length();
            }
        }
        if (cells > limits.maxCells()) {
            throw new WorkbookRefusal(new Text("workbook.too-many-cells", CsvTexts.quote(sheetName),
                    limits.maxCells()));
        }
        if (chars > limits.maxText()) {
            throw new WorkbookRefusal(new Text("workbook.too-much-cell-text", CsvTexts.quote(sheetName),
                    limits.maxText()));
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
