package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalStatus;
import org.leadrouter.state.StateDatabase;

/** A state written by an older release is migrated in place; one written by a newer release is refused. */
class StateUpgradeTest {
    private static final String FIXTURE_HASH = "bbbea22a8f801ae7b3b080a292a0d1204a4892b7dc4189d25a962b48a8931d39";

    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private void installFixtureState() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/state-fixtures/0.1.0/leadrouter.mv.db")) {
            Files.copy(in, h.stateDir.resolve("leadrouter.mv.db"));
        }
    }

    @Test
    void stateOfTheFirstReleaseIsMigratedInPlaceWithJournalRotationAndDeferredQueueIntact() throws Exception {
        installFixtureState();

        try (StateDatabase state = StateDatabase.open(h.stateDir)) {
            Journal journal = new Journal(state, Clock.systemUTC());
            assertThat(schemaVersions(state)).containsExactly("0", "1", "2", "3");
            assertThat(state.value("allocation.last-picked")).contains("asesor.marta");
            List<DeferredLead> queue = journal.deferredQueue();
            assertThat(queue).hasSize(11);
            assertThat(queue).allSatisfy(d -> assertThat(d.raw()).isNotNull());
            assertThat(journal.rows(FIXTURE_HASH)).hasSize(12);
            assertThat(journal.rows(FIXTURE_HASH).get(2).status()).isEqualTo(JournalStatus.CREATED);
            assertThat(journal.lastRun(FIXTURE_HASH)).get().satisfies(r -> assertThat(r.finished()).isTrue());
            assertThat(count(state.connection(), "SELECT COUNT(*) FROM crm_key")).isEqualTo(79);
        }
        try (StateDatabase again = StateDatabase.open(h.stateDir)) {
            assertThat(schemaVersions(again)).containsExactly("0", "1", "2", "3");
        }
    }

    @Test
    void theSameFileRunAgainOnAMigratedStateIsRecognisedAsAlreadyProcessed() throws Exception {
        installFixtureState();
        Path csv = h.dir.resolve("leads.csv");
        try (InputStream in = getClass().getResourceAsStream("/state-fixtures/0.1.0/leads.csv")) {
            Files.copy(in, csv);
        }

        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.report(';')).hasSize(12);
        // the lead the old version created from it is still that row's lead
        assertThat(run.report(';').get(0).get("Status")).isEqualTo("created");
        assertThat(run.report(';').get(0).get("LeadID")).isNotEmpty();
        assertThat(run.report(';').subList(1, 12)).allSatisfy(r -> assertThat(r.get("Status")).isEqualTo("deferred"));
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void aFreshStateStartsAtTheLatestVersion() throws Exception {
        try (StateDatabase state = StateDatabase.open(h.stateDir)) {
            assertThat(schemaVersions(state)).containsExactly("1", "2", "3");
        }
    }

    @Test
    void stateOfANewerReleaseIsRefusedWithExit2AndLeftUntouched() throws Exception {
        try (StateDatabase state = StateDatabase.open(h.stateDir)) {
            Flyway.configure().dataSource(state.connection().getMetaData().getURL(), "leadrouter", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2", "classpath:state-fixtures/future").load().migrate();
        }

        Harness.Run run = h.apply(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("state.dir").contains("newer leadrouter").contains("999");
        assertThat(h.sandbox.calls("create")).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h.stateDir.resolve("leadrouter"), "leadrouter", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")).isEqualTo(4);
        }
    }

    private static List<String> schemaVersions(StateDatabase state) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement st = state.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
