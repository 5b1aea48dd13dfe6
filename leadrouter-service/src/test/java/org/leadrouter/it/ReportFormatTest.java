package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Reports;

/** `report.csv-delimiter` and `report.format` from the command line: a report that opens right in a Spanish Excel. */
class ReportFormatTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @Test
    void aCommaSeparatedInputGetsASemicolonReportWhenAsked() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");

        Harness.Run run = h.set("report.csv-delimiter", ";").dryRun(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.reportText()).startsWith("\uFEFFNombre;Email;Teléfono;");
        assertThat(Reports.read(run.reportPath(), ';')).singleElement()
                .satisfies(r -> assertThat(r.get("Status")).isEqualTo("planned"));
    }

    @Test
    void inEnglishTheReportKeepsTheInputsDelimiterByDefault() throws Exception {
        Harness.Run run = h.dryRun(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.reportText()).startsWith("\uFEFFNombre,Email,Teléfono,");
    }

    @Test
    void inSpanishACommaSeparatedInputGetsASemicolonReportWithABomByDefault() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,600123456,\"Salud; Enfermería\",28/07/2025,Portales");

        Harness.Run run = h.set("language", null).dryRun(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.reportText()).startsWith("\uFEFFNombre;Email;Teléfono;Curso Interesado;");
        assertThat(Reports.read(run.reportPath(), ';')).singleElement()
                .satisfies(r -> assertThat(r.get("Curso Interesado")).isEqualTo("Salud; Enfermería"))
                .satisfies(r -> assertThat(r.get("Status")).isEqualTo("planned"));
    }

    @Test
    void inSpanishTheInputsDelimiterStaysWhenTheSettingSaysInput() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");

        Harness.Run run = h.set("language", "es").set("report.csv-delimiter", "input").dryRun(csv);

        assertThat(run.reportText()).startsWith("\uFEFFNombre,Email,Teléfono,");
    }

    @Test
    void theSettingsFormerNameStillChoosesTheDelimiter() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");

        Harness.Run run = h.set("language", "es").set("report.delimiter", ",").dryRun(csv);

        assertThat(run.reportText()).startsWith("\uFEFFNombre,Email,Teléfono,");
    }

    @Test
    void aWorkbookReportHoldsTheSameRowsWithPhonesAndIdsAsText() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,+34 600 123 456,Salud,28/07/2025,Portales",
                "Sin Contacto,nada,12,Salud,28/07/2025,SEO");
        Path report = h.dir.resolve("informe.xlsx");
        Harness.Run run = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.set("report.format", "xlsx").configFile().toString());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("+34 600 123 456");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).matches("19x\\d+");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).matches("\\d+x\\d+");
            assertThat(List.of(sheet.getRow(1).getCell(7).getStringCellValue(),
                    sheet.getRow(2).getCell(7).getStringCellValue())).containsExactly("created", "invalid");
        }
    }

    @Test
    void anUnknownFormatOrDelimiterIsAConfigurationError() throws Exception {
        Path csv = h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");

        Harness.Run badFormat = h.set("report.format", "pdf").dryRun(csv);
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("report.format");
        Harness.Run badDelimiter = h.set("report.format", null).set("report.csv-delimiter", "|").dryRun(csv);
        assertThat(badDelimiter.exitCode()).isEqualTo(2);
        assertThat(badDelimiter.err()).contains("report.csv-delimiter");
    }
}
