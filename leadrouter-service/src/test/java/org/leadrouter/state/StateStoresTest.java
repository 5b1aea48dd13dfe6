package org.leadrouter.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.config.StateSettings;
import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.dedupe.crm.CrmKeyMirror;
import org.leadrouter.dedupe.CrmRecordRef;
import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalStatus;
import org.leadrouter.batch.RowOrigin;
import org.leadrouter.lead.RawLead;
import org.leadrouter.testing.TestPostgres;

/** The state behaves the same in the embedded H2 database and in PostgreSQL: schema, values, journal, CRM keys. */
class StateStoresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String HASH = "c".repeat(64);

    @TempDir
    Path dir;

    private StateDatabase open(String store) {
        return StateDatabase.open(settings(store));
    }

    private StateSettings settings(String store) {
        return store.equals("h2") ? StateSettings.embedded(dir) : TestPostgres.newState(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSchemaIsMigratedToTheSameVersion(String store) throws Exception {
        try (StateDatabase state = open(store); Statement st = state.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\""
                     + " WHERE \"success\" = TRUE")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(state.dialect()).isEqualTo(store.equals("h2") ? Dialect.H2 : Dialect.POSTGRESQL);
            assertThat(state.description()).startsWith(store.equals("h2") ? "embedded H2 in " : "PostgreSQL jdbc:postgresql://");
            assertThat(state.reachable()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aValueIsReplacedAndTheIdKeptAcrossOpenings(String store) {
        StateSettings settings = settings(store);
        String id;
        try (StateDatabase state = StateDatabase.open(settings)) {
            state.putValue("rotation", "3");
            state.putValue("rotation", "4");
            id = state.id();
        }
        try (StateDatabase state = StateDatabase.open(settings)) {
            assertThat(state.value("rotation")).contains("4");
            assertThat(state.id()).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRowGoesFromSendingToCreatedAndCountsInTheDaysLoad(String store) {
        try (StateDatabase state = open(store)) {
            Journal journal = new Journal(state, CLOCK);
            long run = journal.fileStarted(HASH, "leads.csv", "apply");
            long second = journal.fileStarted(HASH, "leads.csv", "apply");
            assertThat(second).isGreaterThan(run);
            journal.reportPlanned(second, "leads_report.csv");
            RowOrigin origin = new RowOrigin(HASH, 2, "leads.csv");
            journal.sending(origin, "19x5", "asesor.ana", DAY, "sanidad");
            assertThat(journal.sendingSince(origin)).contains(Instant.parse("2026-11-27T10:00:00Z"));
            assertThat(journal.createdOn(DAY)).containsOnlyKeys("19x5");
            journal.sending(origin, "19x6", "asesor.luis", DAY, "sanidad");
            journal.created(origin, "10x77", "19x6", "asesor.luis", DAY);
            journal.outcome(new RowOrigin(HASH, 3, "leads.csv"), JournalStatus.DUPLICATE, "same email as row 2");

            assertThat(journal.createdOn(DAY)).isEqualTo(Map.of("19x6", Set.of("10x77")));
            assertThat(journal.rows(HASH)).hasSize(2);
            assertThat(journal.rows(HASH).get(2).status()).isEqualTo(JournalStatus.CREATED);
            assertThat(journal.rows(HASH).get(3).status()).isEqualTo(JournalStatus.DUPLICATE);
            assertThat(journal.unfinishedRunReport("leads.csv")).contains("leads_report.csv");
            journal.fileFinished(second, "processed", "leads_report.csv");
            assertThat(journal.lastRun(HASH)).hasValueSatisfying(r -> {
                assertThat(r.id()).isEqualTo(second);
                assertThat(r.finished()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theDeferredQueueKeepsItsLeadsThroughAReleaseAndAPurge(String store) {
        try (StateDatabase state = open(store)) {
            Journal journal = new Journal(state, CLOCK);
            RowOrigin first = new RowOrigin(HASH, 4, "leads.csv");
            RowOrigin second = new RowOrigin(HASH, 5, "leads.csv");
            journal.deferred(first, lead(4), DAY.minusDays(1), "sanidad");
            journal.deferred(second, lead(5), DAY, "");
            journal.deferred(first, lead(4), DAY, "sanidad"); // offered again, still waiting: keeps its first day
            assertThat(journal.deferredQueue()).extracting(d -> d.origin().row()).containsExactly(4, 5);
            assertThat(journal.deferredQueue().get(0).deferredOn()).isEqualTo(DAY.minusDays(1));
            assertThat(journal.deferredByPool()).containsExactly(Map.entry("", 1), Map.entry("sanidad", 1));

            journal.sending(first, "19x5", "asesor.ana", DAY, "sanidad");
            journal.created(first, "10x80", "19x5", "asesor.ana", DAY);
            assertThat(journal.unreportedCreated()).extracting(u -> u.leadId()).containsExactly("10x80");
            journal.reportedCreated();
            assertThat(journal.unreportedCreated()).isEmpty();
            assertThat(journal.deferredCount()).isEqualTo(1);

            assertThat(journal.purgeBefore(OffsetDateTime.now(CLOCK).plusDays(1))).isEqualTo(1);
            assertThat(journal.deferredCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void crmKeysAreStoredFoundAndForgotten(String store) {
        try (StateDatabase state = open(store)) {
            CrmKeyMirror mirror = new CrmKeyMirror(state);
            ContactKey ana = new ContactKey(ContactKey.Kind.EMAIL, "ana@example.com");
            ContactKey phone = new ContactKey(ContactKey.Kind.PHONE, "+34600112233");
            mirror.store("Leads", List.of(new CrmKeyMirror.RecordKeys("Leads", "10x1", Map.of("email", ana, "phone", phone))),
                    false, "2026-11-27 09:00:00", null);
            mirror.store("Leads", List.of(new CrmKeyMirror.RecordKeys("Leads", "10x1", Map.of("email", ana))),
                    false, "2026-11-27 09:30:00", OffsetDateTime.now(CLOCK));

            assertThat(mirror.findAll(List.of(ana, phone))).isEqualTo(Map.of(ana, List.of(new CrmRecordRef("Leads", "10x1", "email"))));
            assertThat(mirror.syncState("Leads")).hasValueSatisfying(s -> {
                assertThat(s.watermark()).isEqualTo("2026-11-27 09:30:00");
                assertThat(s.fullSyncAt().toInstant()).isEqualTo(Instant.now(CLOCK));
            });
            mirror.forget(List.of("10x1"));
            assertThat(mirror.findAll(List.of(ana))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql"})
    void aLostConnectionFailsTheStatementAndIsReopenedAfterwards(String store) {
        StateSettings settings = settings(store);
        try (StateDatabase state = StateDatabase.open(settings)) {
            Journal journal = new Journal(state, CLOCK);
            journal.deferred(new RowOrigin(HASH, 2, "leads.csv"), lead(2), DAY, "");
            assertThat(TestPostgres.dropConnections(settings.url().orElseThrow())).isPositive();

            assertThatThrownBy(journal::deferredCount).isInstanceOf(StateException.class);
            assertThat(state.reachable()).isFalse();
            assertThat(state.reopenIfClosed()).isTrue();
            assertThat(journal.deferredCount()).isEqualTo(1);
            assertThat(state.reopenIfClosed()).isFalse();
        }
    }

    private static RawLead lead(int row) {
        return new RawLead(row, "Ana Pérez", "ana" + row + "@example.com", "", "Enfermería", "", "Feria", List.of());
    }
}
