package org.leadrouter.csv;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.Objects;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.leadrouter.i18n.Text;

/**
 * Calculates the formulas a workbook saved without their result (written by a library such as xlsxwriter or
 * exceljs, or by Excel set to calculate by hand), so that an empty result is never read as a value. The streaming
 * reader has no formula engine: the first such cell opens the workbook whole with Apache POI's
 * {@link FormulaEvaluator}, which is done only for a workbook whose sheets are small enough to hold; in a larger one,
 * and for a formula POI cannot calculate (an unknown function, another workbook), the cell's row is refused with a
 * reason that says what to do.
 */
final class FormulaCells implements Closeable {
    /** A calculated cell's text, or why it has none. */
    record Result(String text, Text problem) {
    }

    private final File file;
    private final boolean recalculated;
    private final long sheetsXmlBytes;
    private final long maxSheetsXmlBytes;
    private final CellText text;
    private OPCPackage pkg;
    private XSSFWorkbook workbook;
    private FormulaEvaluator evaluator;
    /** Why no formula can be calculated in this workbook, once known: the key of the rows' reason. */
    private String unavailable;

    /**
     * @param recalculated      the workbook asks to be recalculated when opened, so its saved results are
     *                          placeholders (xlsxwriter saves 0 for every formula and says so)
     * @param sheetsXmlBytes    the size of the workbook's worksheets, unzipped
     * @param maxSheetsXmlBytes the largest such size opened whole to calculate formulas
     */
    FormulaCells(File file, boolean recalculated, long sheetsXmlBytes, long maxSheetsXmlBytes, CellText text) {
        this.file = Objects.requireNonNull(file, "file == null");
        this.recalculated = recalculated;
        this.sheetsXmlBytes = sheetsXmlBytes;
        this.maxSheetsXmlBytes = maxSheetsXmlBytes;
        this.text = Objects.requireNonNull(text, "text == null");
    }

    boolean recalculated() {
        return recalculated;
    }

    /** The value of the formula cell {@code reference} of {@code sheetName}, whose formula reads {@code formula}. */
    Result value(String sheetName, String reference, String formula) {
        String shownFormula = CsvTexts.oneLine("=" + formula, 80);
        if (!open()) {
            return new Result(null, new Text(unavailable, reference, shownFormula));
        }
        try {
            Sheet sheet = workbook.getSheet(sheetName);
            CellReference ref = new CellReference(reference);
            Row row = sheet == null ? null : sheet.getRow(ref.getRow());
            Cell cell = row == null ? null : row.getCell(ref.getCol());
            if (cell == null) {
                return new Result(null, new Text("invalid.formula-not-calculated", reference, shownFormula));
            }
            CellValue value = evaluator.evaluate(cell);
            if (value == null) {
                return new Result("", null);
            }
            return new Result(WorkbookTexts.shown(shown(value, cell.getCellStyle())), null);
        } catch (RuntimeException | StackOverflowError e) {
            // an unknown or unsupported function, a reference to another workbook, a formula POI cannot parse
            return new Result(null, new Text("invalid.formula-not-calculated", reference, shownFormula));
        }
    }

    private String shown(CellValue value, CellStyle style) {
        return switch (value.getCellType()) {
            case NUMERIC -> text.formatRawCellContents(value.getNumberValue(), style.getDataFormat(),
                    style.getDataFormatString(), workbook.isDate1904());
            case STRING -> value.getStringValue();
            case BOOLEAN -> value.getBooleanValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(value.getErrorValue()).getString();
            default -> "";
        };
    }

    /** Opens the workbook whole the first time a formula needs it; false when it is too large to. */
    private boolean open() {
        if (evaluator != null) {
            return true;
        }
        if (unavailable != null) {
            return false;
        }
        if (sheetsXmlBytes > maxSheetsXmlBytes) {
            unavailable = "invalid.formula-workbook-too-large";
            return false;
        }
        try {
            pkg = OPCPackage.open(file, PackageAccess.READ);
            workbook = new XSSFWorkbook(pkg);
            evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            return true;
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            unavailable = "invalid.formula-not-calculated";
            return false;
        }
    }

    @Override
    public void close() {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
