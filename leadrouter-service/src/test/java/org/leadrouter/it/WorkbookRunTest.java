package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.it.CrmFixtures.oldLead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.Workbooks;
import org.leadrouter.testing.Workbooks.Formula;
import org.leadrouter.testing.Workbooks.Sheet;

/** `run` of an Excel workbook against the sandboxed CRM: created like a CSV, reported with the sheet's rows. */
class WorkbookRunTest {
    @RegisterExtension
    final Harness h = Harness.perTest(() -> CrmFixtures.academy()
                .lead(oldLead(CrmFixtures.ANA, "Antiguo", "email", "antiguo@example.com", "phone", "644556677"))
                .build());

    @Test
    void workbookLeadsAreCreatedAndTheReportCarriesTheSheetsRowNumbers() throws Exception {
        Path xlsx = Files.write(h.dir.resolve("leads julio.xlsx"), Workbooks.xlsx(
                new Sheet("Notas").row("Exportado del portal el 28/07"),
                new Sheet("Leads").row("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada", "Origen")
                        .row("Juan Pérez", "juan@example.com", 600123456, "Salud", LocalDate.of(2025, 7, 28), "SEO")
                        .blankRow()
                        .row("Repetido Antiguo", "otra@example.com", 644556677, "Salud", LocalDate.of(2025, 7, 28),
                                "SEO").hidden()
                        .row("Lucía Gil", new Formula("\"lucia\"&\"@example.com\""), 633445566, "Electricidad",
                                LocalDate.of(2025, 7, 29), "Portales")));

        Harness.Run run = h.apply(xlsx);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        List<Map<String, String>> report = Reports.read(run.reportPath(), ';');
        assertThat(report).extracting(r -> r.get("Row")).containsExactly("2", "4", "5");
        assertThat(report).extracting(r -> r.get("Status")).containsExactly("created", "duplicate", "created");
        assertThat(report.get(0).get("Teléfono")).isEqualTo("600123456");
        assertThat(report.get(2).get("Email")).isEqualTo("lucia@example.com");
        assertThat(h.sandbox.records("Leads")).filteredOn(r -> "juan@example.com".equals(r.get("email")))
                .singleElement().satisfies(r -> assertThat(r.get("phone")).isEqualTo("+34600123456"));
        assertThat(run.out()).contains("Leads");
    }

    @Test
    void aPasswordProtectedWorkbookStopsTheRunWithTheReason() throws Exception {
        Path xlsx = Files.write(h.dir.resolve("secreto.xlsx"), Workbooks.encrypted(Workbooks.xlsx(
                new Sheet("Leads").row("Nombre", "Email").row("Ana", "ana@example.com"))));

        Harness.Run run = h.apply(xlsx);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("password");
        assertThat(h.sandbox.calls("create")).isZero();
    }
}
