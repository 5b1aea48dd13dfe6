package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * VTiger is the ledger: before a file's leads are sent, the leads already carrying its import markers are looked
 * up, even when this state has never seen the file (a lost state, another instance, {@code run} on another machine).
 */
class CrmLedgerTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @BeforeEach
    void configure() throws Exception {
        // leads are not searched by email or phone here, so only the import markers can stop a second create (as
        // when another instance is sending the same file at the same moment, before either lead exists)
        h.set("dedupe.modules", "Contacts");
    }

    private Path threeLeads() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales",
                "Ana Gómez,ana@example.com,600654321,Salud,28/07/2025,Portales",
                "Luis Martín,luis@example.com,611223344,Salud,28/07/2025,Portales");
    }

    @Test
    void aFileAlreadySentWithAnotherStateIsNotCreatedAgain() throws Exception {
        Path csv = threeLeads();
        Harness.Run first = h.apply(csv);
        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(h.sandbox.records("Leads")).hasSize(3);

        h.set("state.dir", Files.createDirectories(h.dir.resolve("another-state")).toString());
        Harness.Run second = h.apply(csv);

        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(h.sandbox.records("Leads")).hasSize(3);
        assertThat(h.sandbox.calls("create")).isEqualTo(3);
        // leadrouter created them (their import markers say so): they stay created, with their ids
        assertThat(second.column("Status")).containsOnly("created");
        assertThat(second.column("Detail")).allSatisfy(d -> assertThat(d).contains("created earlier by leadrouter as 10x"));
        assertThat(second.column("LeadID")).containsExactlyElementsOf(first.column("LeadID"));
    }

    @Test
    void onlyTheRowsMissingFromVtigerAreSentWhenTheStateWasLost() throws Exception {
        Path csv = threeLeads();
        h.knobs.rejectCreates(e -> e.getOrDefault("email", "").startsWith("luis"), "ACCESS_DENIED",
                "Permission to perform the operation is denied");
        Harness.Run first = h.apply(csv);
        assertThat(first.row(4).get("Status")).startsWith("error");
        h.knobs.reset();
        deleteState();

        Harness.Run second = h.apply(csv);

        assertThat(second.exitCode()).as(second.printed()).isZero();
        List<CSVRecord> rows = second.report();
        assertThat(rows).extracting(r -> r.get("Status")).containsExactly("created", "created", "created");
        assertThat(rows.get(0).get("Detail")).contains("created earlier by leadrouter");
        assertThat(h.sandbox.records("Leads")).hasSize(3);
        assertThat(h.sandbox.records("Leads")).extracting(l -> l.get("email"))
                .containsExactlyInAnyOrder("juan@example.com", "ana@example.com", "luis@example.com");
    }

    private void deleteState() throws Exception {
        try (var files = Files.list(h.stateDir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }
}
