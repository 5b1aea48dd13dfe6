package org.leadrouter.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.ReportSettings;

/** The workbook report: the CSV's columns, phones and ids as text, and nothing that can run as a formula. */
class XlsxReportTest {
    @TempDir
    Path dir;

    @Test
    void workbookReportHasTheColumnsTextCellsAndNoFormula() throws Exception {
        Path out = dir.resolve("informe.xlsx");
        List<ReportRow> rows = List.of(
                new ReportRow("Juan Pérez", "juan@example.com", "+34600123456", "Salud", "19x5", "asesor.ana",
                        "10x123", "created", 2, ""),
                new ReportRow("Ana", "=HYPERLINK(\"http://x\",\"clic\")", "0034600123456", "Salud", null, null,
                        null, "invalid", 3, "-sin nombre\u0000; @todos"));

        ReportWriter.write(out, ReportSettings.Format.XLSX, ';', rows);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(ReportWriter.COLUMNS);
            Row juan = sheet.getRow(1);
            assertThat(juan.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(juan.getCell(2).getStringCellValue()).isEqualTo("+34600123456");
            assertThat(juan.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(juan.getCell(4).getStringCellValue()).isEqualTo("19x5");
            assertThat(juan.getCell(6).getStringCellValue()).isEqualTo("10x123");
            assertThat(juan.getCell(8).getNumericCellValue()).isEqualTo(2.0);
            Row ana = sheet.getRow(2);
            Cell email = ana.getCell(1);
            assertThat(email.getCellType()).isEqualTo(CellType.STRING);
            assertThat(email.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"clic\")");
            assertThat(email.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(ana.getCell(2).getStringCellValue()).isEqualTo("0034600123456");
            assertThat(ana.getCell(9).getStringCellValue()).isEqualTo("-sin nombre; @todos");
            assertThat(ana.getCell(9).getCellStyle().getQuotePrefixed()).isTrue();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
