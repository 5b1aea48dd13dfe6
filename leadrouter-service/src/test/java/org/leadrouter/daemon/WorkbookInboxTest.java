package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.Workbooks;
import org.leadrouter.testing.Workbooks.Sheet;

/** Excel workbooks dropped into the inbox are distributed like CSV files. */
class WorkbookInboxTest {
    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void droppedXlsxAndXlsAreDistributedReportedAsCsvAndArchived() throws Exception {
        harness.start(Map.of());
        Sheet leads = new Sheet("Hoja1").row("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada")
                .row("Juan Pérez", "juan.perez@example.com", 600123456, "Salud", LocalDate.of(2025, 7, 28))
                .row("Eva Existente", "EXISTE@example.com", null, "Salud", LocalDate.of(2025, 7, 28));
        harness.drop("leads julio.xlsx", Workbooks.xlsx(leads));
        harness.drop("antiguo.xls", Workbooks.xls(new Sheet("Hoja1").row("Nombre", "Teléfono")
                .row("Rosa Vieja", 622000111)));

        List<Path> reports = harness.awaitReports(2);
        Await.until("both inputs archived", Duration.ofSeconds(30),
                () -> DaemonHarness.files(harness.archive()).size() == 2);

        Path xlsxReport = reports.stream().filter(p -> p.getFileName().toString().startsWith("leads julio_"))
                .findFirst().orElseThrow();
        assertThat(xlsxReport.getFileName().toString()).endsWith("_report.csv");
        assertThat(Reports.read(xlsxReport, ';')).extracting(r -> r.get("Status"))
                .containsExactly("created", "duplicate");
        Path xlsReport = reports.stream().filter(p -> p.getFileName().toString().startsWith("antiguo_"))
                .findFirst().orElseThrow();
        assertThat(Reports.read(xlsReport, ';')).singleElement()
                .satisfies(r -> assertThat(r.get("Status")).isEqualTo("created"));
        assertThat(harness.leadsWithEmail("juan.perez@example.com")).isEqualTo(1);
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
    }

    @Test
    void aPasswordProtectedWorkbookGoesToErrorWithTheReasonBesideIt() throws Exception {
        harness.start(Map.of());
        harness.drop("secreto.xlsx", Workbooks.encrypted(Workbooks.xlsx(new Sheet("Hoja1").row("Nombre", "Email")
                .row("Ana", "ana@example.com"))));

        harness.awaitRejected("secreto.xlsx");
        assertThat(DaemonHarness.files(harness.error())).extracting(p -> p.getFileName().toString())
                .containsExactly("secreto.xlsx", "secreto.xlsx.error.txt");
        assertThat(Files.readString(harness.error().resolve("secreto.xlsx.error.txt")))
                .contains("protected with a password");
        assertThat(harness.sandbox.calls("create")).isZero();
    }
}
