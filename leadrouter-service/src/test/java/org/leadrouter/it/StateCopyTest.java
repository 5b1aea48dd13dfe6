package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.Secret;
import org.leadrouter.config.StateSettings;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.testing.TestPostgres;

/**
 * {@code leadrouter state copy} moves an embedded state into an empty PostgreSQL database that a run then uses as
 * its own (the finished file, the deferred lead, the rotation, new ids past the copied ones), and refuses, changing
 * nothing, a target that already holds a state or is in use by a daemon, a target of another schema version and a
 * state.dir without a state.
 */
class StateCopyTest {
    private static final String ROTATION = "allocation.last-picked";
    private static final List<String> TABLES = List.of("crm_key", "crm_sync", "glance_file", "glance_load",
            "journal_file", "journal_row", "state_value");

    @TempDir
    Path dir;
    private Harness h;
    private String target;

    @BeforeEach
    void start() throws Exception {
        h = Harness.start(CrmFixtures.academy().build(), dir);
        // the password is read as the state's always is; the embedded server trusts local logins, so any will do
        h.set("state.password", "not-an-argument");
        target = TestPostgres.newDatabase();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Nine leads for four advisors with a cap of two a day: eight created, the ninth deferred. */
    private Path nineLeads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            lines.add(String.format("Persona%d Apellido,persona%d@example.com,6%08d,Salud,01/08/2025,Web", i, i, i));
        }
        return h.csv(lines.toArray(String[]::new));
    }

    private Harness.Run copy() throws Exception {
        return Harness.execute(null, "state", "copy", "--to-url", target, "--to-username", "postgres",
                "--config", h.configFile().toString());
    }

    private StateSettings targetSettings() {
        return new StateSettings(dir.resolve("unused"), Optional.of(target), Optional.of("postgres"),
                Optional.of(new Secret("unused")));
    }

    private static Map<String, Long> counts(StateDatabase state) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (Statement st = state.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static long maxFileId(StateDatabase state) throws SQLException {
        try (Statement st = state.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(id) FROM journal_file")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStateWithAFinishedFileADeferredLeadAndTodaysRotationIsCopiedAndARunOnPostgresqlCarriesOnFromIt() throws Exception {
        h.set("allocation.daily-cap", "2");
        Path leads = nineLeads();
        Harness.Run first = h.apply(leads);
        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(first.column("Status")).containsOnly("created", "deferred").filteredOn("deferred"::equals).hasSize(1);
        Map<String, Long> inH2;
        String rotation;
        String id;
        long lastFileId;
        try (StateDatabase h2 = StateDatabase.open(h.stateDir)) {
            id = h2.id();
            inH2 = counts(h2);
            rotation = h2.value(ROTATION).orElseThrow();
            lastFileId = maxFileId(h2);
        }

        Harness.Run copied = copy();

        assertThat(copied.exitCode()).as(copied.printed()).isZero();
        assertThat(copied.err()).isEmpty();
        assertThat(copied.out()).contains("Copied the state from embedded H2 in " + h.stateDir.toAbsolutePath()
                        + " to PostgreSQL " + target + " as postgres (schema version 3):")
                .containsPattern("journal_row +9 rows").containsPattern("journal_file +1 rows")
                .contains("Identity sequences set past the copied ids: glance_file.id, journal_file.id")
                .doesNotContain("not-an-argument");
        inH2.forEach((table, rows) -> assertThat(copied.out()).containsPattern(table + " +" + rows + " rows"));
        try (StateDatabase pg = StateDatabase.open(targetSettings())) {
            assertThat(counts(pg)).isEqualTo(inH2);
            assertThat(pg.value(ROTATION)).contains(rotation);
            assertThat(pg.id()).as("the same state, moved").isEqualTo(id);
            List<DeferredLead> queue = new Journal(pg, Clock.systemDefaultZone()).deferredQueue();
            assertThat(queue).singleElement().satisfies(d -> {
                assertThat(d.origin().row()).isEqualTo(10);
                assertThat(d.raw().email()).isEqualTo("persona9@example.com");
            });
        }

        // the same file again, now on PostgreSQL: its journal knows the created rows and the deferred one
        h.set("state.url", target).set("state.username", "postgres");
        Harness.Run again = h.apply(leads);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(again.row(2).get("Detail")).contains("this file was already processed on");
        assertThat(again.row(10).get("Detail")).contains("already waiting in the deferred queue since");
        try (StateDatabase pg = StateDatabase.open(targetSettings())) {
            assertThat(maxFileId(pg)).as("the run's new journal line takes an id past the copied ones")
                    .isEqualTo(lastFileId + 1);
        }
    }

    @Test
    void aTargetThatAlreadyHoldsAStateIsRefusedAndLeftAsItWas() throws Exception {
        Harness.Run first = h.apply(nineLeads());
        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(copy().exitCode()).isZero();
        Map<String, Long> before;
        try (StateDatabase pg = StateDatabase.open(targetSettings())) {
            before = counts(pg);
        }

        Harness.Run second = copy();

        assertThat(second.exitCode()).as(second.printed()).isEqualTo(2);
        assertThat(second.err()).contains("already holds a state (rows: 1 in journal_file, 9 in journal_row")
                .contains("nothing was copied");
        try (StateDatabase pg = StateDatabase.open(targetSettings())) {
            assertThat(counts(pg)).isEqualTo(before);
        }
    }

    @Test
    void aTargetInUseByADaemonIsRefusedThoughItsJournalIsStillEmpty() throws Exception {
        assertThat(h.apply(nineLeads()).exitCode()).isZero();
        try (StateDatabase daemons = StateDatabase.open(targetSettings())) {
            // a daemon started on the target holds this session for as long as it runs, and has distributed nothing yet
            Map<String, Long> before = counts(daemons);

            Harness.Run refused = copy();

            assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
            assertThat(refused.err()).contains("is in use by 1 other leadrouter session(s)").contains("nothing was copied");
            assertThat(counts(daemons)).isEqualTo(before);
        }

        Harness.Run copied = copy();

        assertThat(copied.exitCode()).as("once the daemon stopped: " + copied.printed()).isZero();
    }

    @Test
    void aTargetOfAnotherSchemaVersionIsRefused() throws Exception {
        assertThat(h.apply(nineLeads()).exitCode()).isZero();
        try (StateDatabase pg = StateDatabase.open(targetSettings()); Statement st = pg.connection().createStatement()) {
            // as a newer leadrouter would have left it
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__x.sql',"
                    + " 'postgres', 1, TRUE)");
        }

        Harness.Run refused = copy();

        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
        assertThat(refused.err()).contains("newer leadrouter").contains("schema version 99");
        // opened as it is (leadrouter would refuse it): nothing was copied into it
        try (Connection pg = DriverManager.getConnection(target, "postgres", "unused");
             Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM journal_row")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aStateDirWithoutAStateIsRefusedWithoutCreatingOne() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-state"));
        h.set("state.dir", empty.toString());

        Harness.Run refused = copy();

        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
        assertThat(refused.err()).contains("there is no embedded state in " + empty.toAbsolutePath());
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aTargetUrlThatIsNotPostgresqlIsRefused() throws Exception {
        target = "jdbc:h2:mem:elsewhere";
        assertThat(h.apply(nineLeads()).exitCode()).isZero();

        Harness.Run refused = copy();

        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
        assertThat(refused.err()).contains("is not a PostgreSQL JDBC URL");
    }

    @Test
    void aTargetUrlCarryingThePasswordIsRefusedWithoutShowingIt() throws Exception {
        target = target + "?password=s3cret-in-url";
        assertThat(h.apply(nineLeads()).exitCode()).isZero();

        Harness.Run refused = copy();

        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
        assertThat(refused.err()).contains("must not carry the password").doesNotContain("s3cret-in-url");
        assertThat(refused.out()).doesNotContain("s3cret-in-url");
    }
}
