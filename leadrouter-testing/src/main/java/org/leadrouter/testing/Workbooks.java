package org.leadrouter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Excel workbooks made with Apache POI for tests: strings, numbers, dates, formulas, hidden rows, several sheets. */
public final class Workbooks {

    /** A cell holding a formula; its cached result is computed when the workbook is written. */
    public record Formula(String expression) {
    }

    /** One worksheet: its rows from {@code firstRow} (0-based) down; a null row is left out (blank). */
    public static final class Sheet {
        final String name;
        final List<List<Object>> rows = new ArrayList<>();
        final Set<Integer> hidden = new HashSet<>();
        int firstRow;

        public Sheet(String name) {
            this.name = name;
        }

        public Sheet startingAt(int zeroBasedRow) {
            this.firstRow = zeroBasedRow;
            return this;
        }

        public Sheet row(Object... cells) {
            rows.add(cells == null ? null : Arrays.asList(cells));
            return this;
        }

        public Sheet blankRow() {
            rows.add(null);
            return this;
        }

        /** Hides the row most recently added. */
        public Sheet hidden() {
            hidden.add(rows.size() - 1);
            return this;
        }
    }

    private Workbooks() {
    }

    public static byte[] xlsx(Sheet... sheets) throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            return write(wb, sheets);
        }
    }

    public static byte[] xls(Sheet... sheets) throws IOException {
        try (Workbook wb = new HSSFWorkbook()) {
            return write(wb, sheets);
        }
    }

    private static byte[] write(Workbook wb, Sheet... sheets) throws IOException {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat((short) 14); // Excel's built-in short date
        for (Sheet s : sheets) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(s.name);
            for (int i = 0; i < s.rows.size(); i++) {
                List<Object> cells = s.rows.get(i);
                if (cells == null) {
                    continue;
                }
                Row row = sheet.createRow(s.firstRow + i);
                if (s.hidden.contains(i)) {
                    row.setZeroHeight(true);
                }
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (value instanceof Formula f) {
                        cell.setCellFormula(f.expression());
                    } else {
                        throw new IllegalArgumentException("unsupported cell value " + value);
                    }
                }
            }
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // stores the formulas' cached results
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The workbook encrypted with a password, as Excel's File › Info › Protect Workbook does. */
    public static byte[] encrypted(byte[] xlsx) throws Exception {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secreto");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

}
