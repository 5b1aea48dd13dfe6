package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.it.CrmFixtures.oldLead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dry-run and apply of one file through the real command line against the sandboxed CRM. */
class DryRunAndApplyTest {
    private static final Set<String> ADVISORS = Set.of(CrmFixtures.ANA, CrmFixtures.BEA, CrmFixtures.CARLOS,
            CrmFixtures.DANI);

    @RegisterExtension
    final Harness h = Harness.perTest(() -> CrmFixtures.academy()
                .lead(oldLead(CrmFixtures.ANA, "Antiguo", "email", "antiguo@example.com"))
                .build());

    private Path fourLeads() throws Exception {
        return h.csv(
                "Juan Pérez García,Juan.Perez@Example.COM,600 12 34 56,Salud,28/07/2025,Portales",
                "María de la Fuente,maria.fuente@example.com,+34 611 22 33 44,Electricidad,29/07/2025,SEO",
                "Pedro Sanz,pedro.sanz@example.com,0034-622-334-455,Administración,30/07/2025,Facebook",
                "Lucía Gil,lucia.gil@example.com,633445566,Salud,31/07/2025,Referido");
    }

    @Test
    void dryRunPlansEveryRowAndWritesNothingToTheCrm() throws Exception {
        int leadsBefore = h.sandbox.records("Leads").size();

        Harness.Run run = h.dryRun(fourLeads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        List<CSVRecord> report = run.report();
        assertThat(report).hasSize(4);
        assertThat(report).extracting(r -> r.get("Status")).containsOnly("planned");
        assertThat(report).extracting(r -> r.get("AssignedToID")).allSatisfy(id -> assertThat(id).matches("19x\\d+"))
                .allSatisfy(id -> assertThat(ADVISORS).contains(id));
        assertThat(report).extracting(r -> r.get("LeadID")).containsOnly("");
        assertThat(report).extracting(r -> r.get("Row")).containsExactly("2", "3", "4", "5");
        assertThat(h.sandbox.calls("create")).isZero();
        assertThat(h.sandbox.records("Leads")).hasSize(leadsBefore);
    }

    @Test
    void applyCreatesEachLeadWithItsAdvisorAndNormalisedValues() throws Exception {
        Path csv = fourLeads();

        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        List<CSVRecord> report = run.report();
        assertThat(report).extracting(r -> r.get("Status")).containsOnly("created");
        assertThat(h.sandbox.calls("create")).isEqualTo(4);
        Map<String, Map<String, String>> leadsById = h.sandbox.records("Leads").stream()
                .collect(Collectors.toMap(l -> l.get("id"), l -> l));
        for (CSVRecord r : report) {
            assertThat(r.get("LeadID")).matches("10x\\d+");
            Map<String, String> lead = leadsById.get(r.get("LeadID"));
            assertThat(lead).as("lead of row %s", r.get("Row")).isNotNull();
            assertThat(lead.get("assigned_user_id")).isEqualTo(r.get("AssignedToID"));
            assertThat(ADVISORS).contains(r.get("AssignedToID"));
        }
        // four leads, four advisors, nobody had a lead today: one each
        assertThat(report).extracting(r -> r.get("AssignedToID")).containsExactlyInAnyOrderElementsOf(ADVISORS);

        Map<String, String> juan = leadsById.get(run.row(2).get("LeadID"));
        assertThat(juan).containsEntry("firstname", "Juan").containsEntry("lastname", "Pérez García")
                .containsEntry("email", "juan.perez@example.com").containsEntry("phone", "+34600123456")
                .containsEntry("leadsource", "Portales");
        assertThat(juan.get("description")).contains("Salud").contains("28/07/2025")
                .contains(csv.getFileName().toString()).contains("fila 2");

        Map<String, String> maria = leadsById.get(run.row(3).get("LeadID"));
        assertThat(maria).containsEntry("firstname", "María").containsEntry("lastname", "de la Fuente")
                .containsEntry("phone", "+34611223344").containsEntry("leadsource", "SEO");
        assertThat(maria.get("description")).contains("Electricidad").contains("29/07/2025").contains("fila 3");

        Map<String, String> pedro = leadsById.get(run.row(4).get("LeadID"));
        assertThat(pedro).containsEntry("phone", "+34622334455");
        assertThat(run.row(2).get("Nombre")).isEqualTo("Juan Pérez García");
        assertThat(run.row(2).get("Email")).isEqualTo("Juan.Perez@Example.COM");
    }

    @Test
    void aRunLogsOutOfEverySessionItOpenedAndStockVtigers500DoesNotFailIt() throws Exception {
        Harness.Run run = h.apply(fourLeads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(h.sandbox.calls("login")).isPositive();
        assertThat(h.sandbox.calls("logout")).isEqualTo(h.sandbox.calls("login"));
        assertThat(run.out()).contains("logout=" + h.sandbox.calls("logout"));
    }

    @Test
    void courseAndDateGoToTheConfiguredLeadFields() throws Exception {
        h.set("lead.course-field", "company").set("lead.entry-date-field", "designation");

        Harness.Run run = h.apply(fourLeads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        String juanId = run.row(2).get("LeadID");
        Map<String, String> juan = h.sandbox.records("Leads").stream()
                .filter(l -> l.get("id").equals(juanId)).findFirst().orElseThrow();
        assertThat(juan).containsEntry("company", "Salud").containsEntry("designation", "28/07/2025");
        assertThat(juan.get("description")).doesNotContain("Salud").contains("fila 2");
    }

    @Test
    void aLeadFieldVtigerDoesNotHaveStopsTheRunBeforeAnyCreate() throws Exception {
        h.set("lead.course-field", "cf_curso_inexistente");

        Harness.Run run = h.apply(fourLeads());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("lead.course-field").contains("cf_curso_inexistente");
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void applyExecutesExactlyThePlanOfTheDryRunBeforeIt() throws Exception {
        Path csv = h.csv(
                "Uno Alonso,uno@example.com,600000001,Salud,01/08/2025,Web",
                "Dos Blanco,dos@example.com,600000002,Salud,01/08/2025,Web",
                "Tres Castro,tres@example.com,600000003,Salud,01/08/2025,Web",
                "Cuatro Díaz,cuatro@example.com,600000004,Salud,01/08/2025,Web",
                "Cinco Gil,cinco@example.com,600000005,Salud,01/08/2025,Web",
                "Seis Ruiz,seis@example.com,600000006,Salud,01/08/2025,Web",
                "Siete Sanz,siete@example.com,600000007,Salud,01/08/2025,Web");
        // a first apply moves the rotation on, so the plan below does not start from the beginning
        assertThat(h.apply(h.csv("Previo Moreno,previo@example.com,600000009,Salud,01/08/2025,Web")).exitCode()).isZero();

        Harness.Run plan = h.dryRun(csv);
        Harness.Run applied = h.apply(csv);

        assertThat(plan.exitCode()).as(plan.printed()).isZero();
        assertThat(applied.exitCode()).as(applied.printed()).isZero();
        assertThat(plan.column("Status")).containsOnly("planned");
        assertThat(applied.column("Status")).containsOnly("created");
        assertThat(applied.column("AssignedToID")).isEqualTo(plan.column("AssignedToID"));
        assertThat(applied.column("AssignedToName")).isEqualTo(plan.column("AssignedToName"));
    }

    @Test
    void sampleFileOfTheOriginalSpecificationRepairsTheSwappedCourseAndDate() throws Exception {
        Path sample = h.dir.resolve("leads_ejemplo_albali.csv");
        Files.copy(Path.of("../leadrouter-core/src/test/resources/csv/leads_ejemplo_albali.csv"), sample);

        Harness.Run run = h.apply(sample);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.report()).hasSize(2);
        assertThat(run.column("Curso Interesado")).containsExactly("Salud", "Electricidad");
        assertThat(run.column("Status")).containsOnly("created");
        assertThat(run.row(3).get("Detail")).isNotBlank();
        String anaId = run.row(3).get("LeadID");
        Map<String, String> ana = h.sandbox.records("Leads").stream()
                .filter(l -> anaId.equals(l.get("id"))).findFirst().orElseThrow();
        assertThat(ana.get("description")).contains("Electricidad").contains("28/07/2025");
        assertThat(ana).containsEntry("leadsource", "SEO").containsEntry("lastname", "Gómez");
    }

    @Test
    void rowNumbersAreTheSpreadsheetRowsDespiteBlankLinesAndMultiLineCells() throws Exception {
        Path csv = h.write("filas.csv", Harness.HEADER + "\r\n"
                + "Uno Alonso,uno@example.com,600000001,Salud,01/08/2025,Web\r\n"
                + "\r\n"
                + "\"Dos\nBlanco\",dos@example.com,600000002,Salud,01/08/2025,Web\r\n"
                + "Tres Castro,tres@example.com,600000003,Salud,01/08/2025,Web\r\n");

        Harness.Run run = h.dryRun(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        // Excel and LibreOffice show the quoted "Dos\nBlanco" in one cell of row 4; the blank line is row 3
        assertThat(run.column("Row")).containsExactly("2", "4", "5");
        assertThat(run.row(5).get("Nombre")).isEqualTo("Tres Castro");
    }
}
