package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.VisibleFiles;
import org.leadrouter.testing.TestPostgres;

/**
 * Two real daemons sharing one inbox and one PostgreSQL state, leadership by a lock file or by ZooKeeper: only the
 * leader creates; the leader killed with SIGKILL in the middle of a file, the other leads within 30 s and finishes the
 * file; every lead is in VTiger once, the file has one report; the old node, restarted, stands by.
 */
class FailoverIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final int ROWS = 300;
    private static final String PASSWORD = "pg-secret-7731";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"file", "zookeeper"})
    void theStandbyTakesOverAKilledLeaderAndFinishesItsFileOnce(String mode) throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).advisor("asesor.luis", true)
                .advisor("asesor.marta", true).advisor("asesor.pedro", true).advisor("asesor.rosa", true)
                .advisor("asesor.sara", true).build();
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture, knobs);
             TestingServer zookeeper = new TestingServer(true)) {
            knobs.latency(Duration.ofMillis(50));
            String database = TestPostgres.newDatabase();
            Path inbox = dir.resolve("data/inbox");
            Path a = config("a", mode, sandbox, database, zookeeper);
            Path b = config("b", mode, sandbox, database, zookeeper);
            Map<String, String> env = Map.of("LEADROUTER_STATE_PASSWORD", PASSWORD);

            DaemonProcess first = DaemonProcess.start(JAR, a, dir.resolve("a.log"), env);
            Await.until("node a leads", Duration.ofSeconds(60), () -> first.log().contains("node a is the leader"));
            DaemonProcess second = DaemonProcess.start(JAR, b, dir.resolve("b.log"), env);
            Await.until("node b started", Duration.ofSeconds(60), () -> second.log().contains("leadrouter started"));

            Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(ROWS, "ha", 10_000_000));
            Files.move(aside, inbox.resolve("campaña.csv"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("a third of the leads created", Duration.ofSeconds(60), () -> sandbox.calls("create") >= ROWS / 3);
            assertThat(second.log()).doesNotContain("node b is the leader");
            first.kill();
            long killed = System.nanoTime();
            assertThat(sandbox.calls("create")).isLessThan(ROWS);

            Await.until("node b leads", Duration.ofSeconds(30), () -> second.log().contains("node b is the leader"));
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(30));
            Await.until("file archived", Duration.ofSeconds(120), () -> VisibleFiles.in(dir.resolve("data/archive")).size() == 1);

            for (int i = 1; i <= ROWS; i++) {
                String email = "ha" + i + "@example.com";
                assertThat(sandbox.records("Leads").stream().filter(r -> email.equals(r.get("email"))).count())
                        .as(email).isEqualTo(1);
            }
            List<Path> reports = VisibleFiles.in(dir.resolve("data/outbox")).stream().filter(Reports::isReport).toList();
            assertThat(reports).hasSize(1);
            assertThat(Reports.read(reports.get(0), ';')).hasSize(ROWS).allMatch(r -> r.get("Status").equals("created"));

            DaemonProcess again = DaemonProcess.start(JAR, a, dir.resolve("a2.log"), env);
            Await.until("node a restarted", Duration.ofSeconds(60), () -> again.log().contains("leadrouter started"));
            assertThat(again.log()).doesNotContain("node a is the leader");
            assertThat(second.log()).doesNotContain("node b is standing by");
            for (DaemonProcess p : List.of(again, second)) {
                assertThat(p.log()).doesNotContain(PASSWORD).doesNotContain("it-key");
                assertThat(p.commandLine()).doesNotContain(PASSWORD);
                p.terminate(Duration.ofSeconds(60));
            }
        }
    }

    private Path config(String node, String mode, VtigerSandbox sandbox, String database, TestingServer zookeeper)
            throws Exception {
        return Files.writeString(dir.resolve(node + ".properties"), String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                "state.dir=" + dir.resolve("state-" + node), "state.url=" + database, "state.username=postgres",
                "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply", "allocation.daily-cap=1000",
                "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false",
                "ha.mode=" + mode, "ha.node-id=" + node, "ha.file.root=" + dir.resolve("data/.cluster"),
                "ha.zookeeper.connect=" + zookeeper.getConnectString(), "ha.file.lock-interval=1s",
                "ha.zookeeper.session-timeout=6s",
                // the sandbox never works on a request longer than its latency: a create the killed leader sent but
                // whose answer it never saw is settled by its marker 10 s after it was sent
                "vtiger.read-timeout=5s", "vtiger.create-settle-time=10s", ""));
    }
}
