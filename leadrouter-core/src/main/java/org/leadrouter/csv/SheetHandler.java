package org.leadrouter.csv;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.leadrouter.i18n.Text;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns one worksheet's XML, as it streams past, into rows of cell texts for a {@link RowCollector}: shared texts
 * looked up, numbers and dates shown through their format, and a formula by its saved result, or, when the workbook
 * saved none (or asks to be recalculated when opened), by what {@link FormulaCells} calculates. No cell is longer
 * than a cell can be: a longer one stops the reading.
 */
final class SheetHandler extends DefaultHandler {
    private final String sheetName;
    private final SharedTexts strings;
    private final StylesTable styles;
    private final CellText text;
    private final FormulaCells formulas;
    private final RowCollector rows;
    private final BoundedText value;
    private final BoundedText formula;
    private final BoundedText inline;
    private final int maxCellChars;

    private int row;
    private int nextColumn;
    private boolean inCell;
    private String reference;
    private int column;
    private String type;
    private String style;
    private boolean hasValue;
    private boolean hasFormula;
    private int phonetic;

    SheetHandler(String sheetName, SharedTexts strings, StylesTable styles, CellText text, FormulaCells formulas,
                 WorkbookLimits limits, RowCollector rows) {
        this.sheetName = sheetName;
        this.strings = strings;
        this.styles = styles;
        this.text = text;
        this.formulas = formulas;
        this.rows = rows;
        this.maxCellChars = limits.maxCellChars();
        this.value = new BoundedText(limits.maxCellChars());
        this.formula = new BoundedText(limits.maxCellChars());
        this.inline = new BoundedText(limits.maxCellChars());
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                row = r == null ? row + 1 : parseRow(r, row + 1);
                nextColumn = 0;
                rows.start(row);
            }
            case "c" -> startCell(attributes);
            case "v" -> {
                hasValue = true;
                value.start(this::tooLong);
            }
            case "f" -> {
                hasFormula = true;
                formula.start(this::tooLong);
            }
            case "is" -> inline.start(this::tooLong);
            case "rPh" -> {
                phonetic++;
                inline.pause();
            }
            case "t" -> {
                if (inCell && phonetic == 0 && !value.isOpen() && !formula.isOpen()) {
                    inline.resume();
                }
            }
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> value.pause();
            case "f" -> formula.pause();
            case "t" -> inline.pause();
            case "rPh" -> phonetic--;
            case "c" -> endCell();
            case "row" -> rows.end();
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        value.append(ch, start, length);
        formula.append(ch, start, length);
        inline.append(ch, start, length);
    }

    private void startCell(Attributes attributes) {
        inCell = true;
        reference = attributes.getValue("r");
        column = reference == null ? nextColumn : CellReferences.column(reference);
        if (reference == null) {
            reference = CellReferences.name(row, column);
        }
        nextColumn = column + 1;
        type = attributes.getValue("t");
        style = attributes.getValue("s");
        hasValue = false;
        hasFormula = false;
        value.start(this::tooLong);
        value.pause();
        formula.start(this::tooLong);
        formula.pause();
        inline.start(this::tooLong);
        inline.pause();
    }

    private void endCell() {
        inCell = false;
        String stored = value.take();
        boolean noResult = !hasValue || stored.isEmpty() && !"str".equals(type);
        if (hasFormula && (noResult || formulas.recalculated())) {
            FormulaCells.Result result = formulas.value(sheetName, reference, formula.take());
            if (result.problem() != null) {
                rows.problem(column, result.problem());
            } else {
                rows.cell(column, result.text());
            }
            return;
        }
        rows.cell(column, WorkbookTexts.shown(shown(stored)));
    }

    private String shown(String stored) {
        String t = type == null ? "n" : type;
        switch (t) {
            case "s" -> {
                String shared = strings.get(parseIndex(stored));
                return shared == null ? "" : shared;
            }
            case "inlineStr" -> {
                return inline.take();
            }
            case "str", "e" -> {
                return stored;
            }
            case "b" -> {
                return "1".equals(stored) ? "TRUE" : stored.isEmpty() ? "" : "FALSE";
            }
            case "d" -> {
                return isoDate(stored);
            }
            default -> {
                return number(stored);
            }
        }
    }

    private String number(String stored) {
        if (stored.isEmpty()) {
            return "";
        }
        int index = 0;
        String format = null;
        if (style != null && styles != null) {
            int s = parseIndex(style);
            XSSFCellStyle cellStyle = s < 0 || s >= styles.getNumCellStyles() ? null : styles.getStyleAt(s);
            if (cellStyle != null) {
                index = cellStyle.getDataFormat();
                format = cellStyle.getDataFormatString();
            }
        }
        try {
            return text.number(stored, index, format);
        } catch (NumberFormatException e) {
            return stored; // not a number after all: shown as written
        }
    }

    private String isoDate(String stored) {
        try {
            return text.date(stored.length() <= 10 ? LocalDateTime.parse(stored + "T00:00")
                    : LocalDateTime.parse(stored.endsWith("Z") ? stored.substring(0, stored.length() - 1) : stored));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    private Text tooLong() {
        return new Text("workbook.cell-too-long", reference, CsvTexts.quote(sheetName), maxCellChars);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int parseRow(String r, int otherwise) {
        int n = parseIndex(r);
        return n > 0 ? n : otherwise;
    }
}
