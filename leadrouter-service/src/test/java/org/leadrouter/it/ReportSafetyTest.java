package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The report never runs as a spreadsheet formula and never shows the access key; it keeps the input's delimiter. */
class ReportSafetyTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @Test
    void cellsThatLookLikeFormulasGetALeadingApostrophe() throws Exception {
        Harness.Run run = h.apply(h.csv(
                "=HYPERLINK(\"http://x.example\";\"clic\"),formula@example.com,,Salud,01/08/2025,Web",
                "@SUM(A1) Pérez,arroba@example.com,,Salud,01/08/2025,Web",
                "-Marta Gil,menos@example.com,,Salud,01/08/2025,Web",
                "Juan Más,mas@example.com,+34 600 12 34 56,+Curso,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Nombre")).isEqualTo("'=HYPERLINK(\"http://x.example\";\"clic\")");
        assertThat(run.row(3).get("Nombre")).isEqualTo("'@SUM(A1) Pérez");
        assertThat(run.row(4).get("Nombre")).isEqualTo("'-Marta Gil");
        assertThat(run.row(5).get("Teléfono")).isEqualTo("'+34 600 12 34 56");
        assertThat(run.row(5).get("Curso Interesado")).isEqualTo("'+Curso");
        assertThat(run.report()).allSatisfy(r -> r.forEach(cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")));
    }

    @Test
    void accessKeyNeverAppearsInOutputErrorsOrReport() throws Exception {
        h.knobs.rejectCreates(e -> "dos@example.com".equals(e.get("email")), "ACCESS_DENIED",
                "Permission to perform the operation is denied");
        Harness.Run applied = h.apply(h.csv(
                "Uno Alonso,uno@example.com,600000001,Salud,01/08/2025,Web",
                "Dos Blanco,dos@example.com,600000002,Salud,01/08/2025,Web",
                CrmFixtures.ACCESS_KEY + " Sanz,,,Salud,01/08/2025,Web"));
        h.set("vtiger.access-key", CrmFixtures.ACCESS_KEY + "-wrong");
        Harness.Run refused = h.apply(h.csv("Tres Castro,tres@example.com,600000003,Salud,01/08/2025,Web"));

        assertThat(applied.exitCode()).as(applied.printed()).isEqualTo(1);
        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(3);
        for (Harness.Run run : new Harness.Run[] {applied, refused}) {
            assertThat(run.out()).doesNotContain(CrmFixtures.ACCESS_KEY);
            assertThat(run.err()).doesNotContain(CrmFixtures.ACCESS_KEY);
        }
        // the third row names the key itself as a person: only the input may echo it back
        assertThat(applied.reportText().replace(CrmFixtures.ACCESS_KEY + " Sanz", ""))
                .doesNotContain(CrmFixtures.ACCESS_KEY);
        if (Files.exists(refused.reportPath())) {
            assertThat(refused.reportText()).doesNotContain(CrmFixtures.ACCESS_KEY);
        }
    }

    @Test
    void semicolonFileGivesASemicolonReportWithBom() throws Exception {
        Path csv = Files.write(h.dir.resolve("punto_y_coma.csv"), ("Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\r\n"
                + "Rocío Núñez;rocio@example.com;600111222;Electricidad;01/08/2025;Web\r\n").getBytes(StandardCharsets.UTF_8));

        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.reportText()).startsWith("\uFEFFNombre;Email;Teléfono;");
        assertThat(run.report(';')).singleElement().satisfies(r -> {
            assertThat(r.get("Nombre")).isEqualTo("Rocío Núñez");
            assertThat(r.get("Status")).isEqualTo("created");
        });
    }

    @Test
    void accessKeyNeverAppearsInTheLogsEvenWhenVtigerFails() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalOut = System.out;
        java.io.PrintStream originalErr = System.err;
        java.io.PrintStream both = new java.io.PrintStream(captured, true, StandardCharsets.UTF_8);
        Harness.Run refused;
        Harness.Run flaky;
        try {
            System.setOut(both);
            System.setErr(both);
            h.knobs.failNext("login", 1, org.leadrouter.sandbox.SandboxFaults.Failure.HTTP_500);
            // a query, not a create: a create whose answer is lost waits for its settle time (vtiger.create-settle-time)
            h.knobs.failNext("query", 1, org.leadrouter.sandbox.SandboxFaults.Failure.EMPTY_BODY);
            flaky = h.apply(h.csv("Uno Alonso,uno@example.com,600000001,Salud,01/08/2025,Web"));
            h.set("vtiger.access-key", CrmFixtures.ACCESS_KEY + "X");
            refused = h.apply(h.csv("Dos Blanco,dos@example.com,600000002,Salud,01/08/2025,Web"));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(flaky.exitCode()).as(flaky.printed()).isZero();
        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(3);
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("login");
        assertThat(logs).doesNotContain(CrmFixtures.ACCESS_KEY);
    }
}
