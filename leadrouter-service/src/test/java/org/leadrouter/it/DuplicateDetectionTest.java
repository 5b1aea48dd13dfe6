package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.it.CrmFixtures.oldLead;
import static org.leadrouter.it.CrmFixtures.record;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;

/** Every way a lead can already be known: in Leads, in Contacts, typed differently, or earlier in the same file. */
class DuplicateDetectionTest {
    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Harness start(SandboxFixture.Builder fixture) throws Exception {
        h = Harness.start(fixture.build(), dir);
        return h;
    }

    private String idOf(String module, String field, String value) {
        return h.sandbox.records(module).stream().filter(r -> value.equals(r.get(field))).findFirst()
                .map(r -> r.get("id")).orElseThrow();
    }

    private void assertDuplicate(CSVRecord row, String... detailParts) {
        assertThat(row.get("Status")).as("row %s", row.get("Row")).isEqualTo("duplicate");
        assertThat(row.get("LeadID")).isEmpty();
        assertThat(row.get("Detail")).contains(detailParts);
    }

    @Test
    void duplicateByEmailOfALead() throws Exception {
        start(CrmFixtures.academy().lead(oldLead(CrmFixtures.BEA, "Ruiz", "email", "Carmen.Ruiz@Example.com")));
        String leadId = idOf("Leads", "lastname", "Ruiz");

        Harness.Run run = h.apply(h.csv("Carmen Ruiz,carmen.ruiz@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertDuplicate(run.row(2), "Leads", leadId, "email");
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void duplicateBySecondaryEmailOfAContact() throws Exception {
        start(CrmFixtures.academy().contact(record("lastname", "Vidal", "assigned_user_id", CrmFixtures.ANA,
                "email", "trabajo@empresa.example", "secondaryemail", "pablo.vidal@example.com")));
        String contactId = idOf("Contacts", "lastname", "Vidal");

        Harness.Run run = h.apply(h.csv("Pablo Vidal,pablo.vidal@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertDuplicate(run.row(2), "Contacts", contactId, "secondaryemail");
        assertThat(h.sandbox.records("Leads")).isEmpty();
    }

    @Test
    void duplicateByPhoneTypedDifferentlyInCrm() throws Exception {
        start(CrmFixtures.academy().lead(oldLead(CrmFixtures.CARLOS, "Navarro", "phone", "600-112-233")));
        String leadId = idOf("Leads", "lastname", "Navarro");

        Harness.Run run = h.apply(h.csv("Rosa Navarro,rosa@example.com,+34 600 11 22 33,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertDuplicate(run.row(2), "Leads", leadId, "phone");
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void duplicateByMobileOfAContact() throws Exception {
        start(CrmFixtures.academy().contact(record("lastname", "Ortiz", "assigned_user_id", CrmFixtures.ANA,
                "phone", "912345678", "mobile", "0034 655 443 322")));
        String contactId = idOf("Contacts", "lastname", "Ortiz");

        Harness.Run run = h.apply(h.csv("Iván Ortiz,,655443322,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertDuplicate(run.row(2), "Contacts", contactId, "mobile");
    }

    @Test
    void convertedLeadIsInvisibleButItsContactMakesTheRowADuplicate() throws Exception {
        start(CrmFixtures.academy()
                .lead(oldLead(CrmFixtures.DANI, "Cano", "email", "elena.cano@example.com", "converted", "1"))
                .contact(record("lastname", "Cano", "assigned_user_id", CrmFixtures.DANI,
                        "email", "elena.cano@example.com", "createdtime", "now-P2D")));
        String contactId = idOf("Contacts", "lastname", "Cano");

        Harness.Run run = h.apply(h.csv("Elena Cano,elena.cano@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertDuplicate(run.row(2), "Contacts", contactId, "email");
        assertThat(run.row(2).get("Detail")).doesNotContain("Leads");
    }

    @Test
    void convertedLeadAloneDoesNotMakeADuplicate() throws Exception {
        start(CrmFixtures.academy()
                .lead(oldLead(CrmFixtures.DANI, "Cano", "email", "elena.cano@example.com", "converted", "1")));

        Harness.Run run = h.apply(h.csv("Elena Cano,elena.cano@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
    }

    @Test
    void earlierRowOfTheSameFileByEmailAndByPhone() throws Exception {
        start(CrmFixtures.academy());

        Harness.Run run = h.apply(h.csv(
                "Tomás Gil,tomas.gil@example.com,600 99 88 77,Salud,01/08/2025,Web",
                "Tomás Gil Sanz,TOMAS.GIL@example.com,,Salud,01/08/2025,Web",
                "Otro Nombre,otro@example.com,+34600998877,Salud,01/08/2025,Web",
                "Nueva Persona,nueva@example.com,611000111,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertDuplicate(run.row(3), "email", "row 2");
        assertDuplicate(run.row(4), "phone", "row 2");
        assertThat(run.row(5).get("Status")).isEqualTo("created");
        assertThat(h.sandbox.records("Leads")).hasSize(2);
    }

    @Test
    void duplicateAmongTheLastOfMoreThanTwoHundredFiftyLeadsIsFoundPastTheFirstPage() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        for (int i = 1; i <= 260; i++) {
            fixture.lead(oldLead(CrmFixtures.ANA, "Relleno" + i, "email", "relleno" + i + "@example.com",
                    "phone", String.format("+34 6%08d", i)));
        }
        fixture.lead(oldLead(CrmFixtures.BEA, "Última", "email", "ultima@example.com", "mobile", "699 123 123"));
        fixture.lead(oldLead(CrmFixtures.BEA, "Penúltima", "email", "penultima@example.com"));
        start(fixture);
        String ultima = idOf("Leads", "lastname", "Última");
        String relleno250 = idOf("Leads", "lastname", "Relleno250");

        Harness.Run run = h.apply(h.csv(
                "Alguien Nuevo,alguien@example.com,,Salud,01/08/2025,Web",
                "Con Móvil,nadie@example.com,699123123,Salud,01/08/2025,Web",
                "Otra Vez,RELLENO250@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertDuplicate(run.row(3), "Leads", ultima, "mobile");
        assertDuplicate(run.row(4), "Leads", relleno250, "email");
        Map<String, Integer> calls = h.sandbox.callCounts();
        assertThat(calls.get("create")).isEqualTo(1);
    }

    @Test
    void contactsAreIgnoredWhenDedupeModulesNamesOnlyLeads() throws Exception {
        start(CrmFixtures.academy().contact(record("lastname", "Solo", "assigned_user_id", CrmFixtures.ANA,
                "email", "solo.contacto@example.com")));
        h.set("dedupe.modules", "Leads");

        Harness.Run run = h.apply(h.csv("Solo Contacto,solo.contacto@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertThat(h.sandbox.callCounts().get("query")).isLessThan(10);
    }
}
