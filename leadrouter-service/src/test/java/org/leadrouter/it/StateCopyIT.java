package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.TestPostgres;

/**
 * {@code leadrouter state copy} next to a running daemon: refused, nothing copied, the daemon undisturbed; once it is
 * stopped, the copy is made. H2 refuses a state in use only to another process, so the daemon is the real jar.
 */
class StateCopyIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");

    @TempDir
    Path dir;

    @Test
    void aStateInUseByARunningDaemonIsRefusedAndCopiedOnceTheDaemonIsStopped() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
        String target = TestPostgres.newDatabase();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            Path inbox = dir.resolve("data/inbox");
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + inbox, "mode=apply",
                    "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false",
                    "state.password=not-an-argument", ""));
            try (DaemonProcess daemon = DaemonProcess.start(JAR, config, dir.resolve("daemon.log"))) {
                Await.until("daemon started", Duration.ofSeconds(60), () -> daemon.log().contains("leadrouter started"));
                Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(3, "copia", 10_000_000));
                Files.move(aside, inbox.resolve("leads.csv"), StandardCopyOption.ATOMIC_MOVE);
                Await.until("file archived", Duration.ofSeconds(60), () -> Files.exists(dir.resolve("data/archive"))
                        && !Files.exists(inbox.resolve("leads.csv")));

                Harness.Run refused = copy(target, config);

                assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(2);
                assertThat(refused.err()).contains("is in use by a running leadrouter").contains("systemctl stop leadrouter")
                        .contains("nothing was copied");
                assertThat(journalFiles(target)).isZero();
                assertThat(daemon.alive()).isTrue();
                assertThat(daemon.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }

            Harness.Run copied = copy(target, config);

            assertThat(copied.exitCode()).as(copied.printed()).isZero();
            assertThat(copied.out()).containsPattern("journal_file +1 rows").containsPattern("journal_row +3 rows");
            assertThat(journalFiles(target)).isEqualTo(1);
        }
    }

    /** The copy, run in this process (the daemon is the other one). */
    private static Harness.Run copy(String target, Path config) throws Exception {
        return Harness.execute(null, "state", "copy", "--to-url", target, "--to-username", "postgres",
                "--config", config.toString());
    }

    private static long journalFiles(String target) throws Exception {
        try (Connection c = DriverManager.getConnection(target, "postgres", "unused"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM journal_file")) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException notMigrated) {
                return 0;
            }
        }
    }
}
