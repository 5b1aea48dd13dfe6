package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.sandbox.SandboxFixture;

/** The local copy of CRM emails and phones in state.dir makes the next file cost a handful of queries. */
class IncrementalStateTest {
    @RegisterExtension
    final Harness h = Harness.perTest(() -> SandboxFixture.generated(1500, 600, 7));

    @BeforeEach
    void configure() throws Exception {
        h.set("vtiger.username", "admin").set("vtiger.access-key", "sandbox-demo-key");
    }

    @Test
    void secondRunWithANewFileReusesTheStateAndQueriesFarLess() throws Exception {
        Harness.Run first = h.apply(h.csv(
                "Uno Alonso,uno.alonso@example.com,600000001,Salud,01/08/2025,Web",
                "Dos Blanco,dos.blanco@example.com,600000002,Salud,01/08/2025,Web"));
        int firstQueries = h.sandbox.calls("query");
        h.sandbox.resetCallCounts();

        Harness.Run second = h.apply(h.csv(
                "Tres Castro,tres.castro@example.com,600000003,Salud,01/08/2025,Web",
                "Cuatro Díaz,cuatro.diaz@example.com,600000004,Salud,01/08/2025,Web",
                "Otra Vez,UNO.ALONSO@example.com,,Salud,01/08/2025,Web"));
        int secondQueries = h.sandbox.calls("query");

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(first.column("Status")).containsOnly("created");
        assertThat(second.column("Status")).containsExactly("created", "created", "duplicate");
        assertThat(second.row(4).get("Detail")).contains("Leads", first.row(2).get("LeadID"));
        // first run: full copy of 1,500 leads and 600 contacts (21+ pages); second: only what changed
        assertThat(firstQueries).isGreaterThan(20);
        assertThat(secondQueries).as("queries of the second run").isLessThanOrEqualTo(firstQueries / 3);
    }

    @Test
    void recordAddedToTheCrmBetweenRunsIsSeenByTheIncrementalSync() throws Exception {
        Harness.Run first = h.apply(h.csv("Uno Alonso,uno.alonso@example.com,600000001,Salud,01/08/2025,Web"));
        h.sandbox.addRecord("Contacts", CrmFixtures.record("lastname", "Nueva", "assigned_user_id", "19x6",
                "email", "nueva.contacto@example.com", "createdtime", "now", "modifiedtime", "now"));

        Harness.Run second = h.apply(h.csv("Nueva Contacto,nueva.contacto@example.com,,Salud,01/08/2025,Web"));

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(second.row(2).get("Status")).as(second.printed()).isEqualTo("duplicate");
        assertThat(second.row(2).get("Detail")).contains("Contacts");
    }

    @Test
    void leadCreatedByTheFirstRunIsADuplicateInTheSecondEvenWhenACrmRecordHasAFutureModifiedTime() throws Exception {
        // one record stamped two days ahead, as a bad import or a skewed clock leaves them
        h.sandbox.addRecord("Leads", CrmFixtures.record("lastname", "Futuro", "assigned_user_id", "19x6",
                "email", "futuro@example.com", "createdtime", "now-P1D", "modifiedtime", "now+P2D"));
        Harness.Run first = h.apply(h.csv("Uno Alonso,uno.alonso@example.com,600000001,Salud,01/08/2025,Web"));

        Harness.Run second = h.apply(h.csv("Uno Alonso,uno.alonso@example.com,600000001,Salud,02/08/2025,Web"));

        assertThat(first.column("Status")).as(first.printed()).containsExactly("created");
        assertThat(second.column("Status")).as(second.printed()).containsExactly("duplicate");
        assertThat(h.sandbox.records("Leads")).filteredOn(l -> "uno.alonso@example.com".equals(l.get("email")))
                .hasSize(1);
    }
}
