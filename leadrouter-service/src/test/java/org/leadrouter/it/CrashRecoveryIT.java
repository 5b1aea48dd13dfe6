package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.VisibleFiles;

/** The real jar as a service: killed with SIGKILL in the middle of a file, restarted, stopped with SIGTERM. */
class CrashRecoveryIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final int ROWS = 150;

    @TempDir
    Path dir;

    @Test
    void killedMidFileThenRestartedCreatesEveryLeadExactlyOnce() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).advisor("asesor.luis", true)
                .advisor("asesor.marta", true).advisor("asesor.pedro", true).advisor("asesor.rosa", true)
                .advisor("asesor.sara", true).build();
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture, knobs)) {
            knobs.latency(Duration.ofMillis(15));
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply",
                    "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false",
                    // the sandbox never works on a request for more than its latency: a create killed before
                    // its answer is settled (found by marker, or sent again) 10 s after it was sent
                    "vtiger.read-timeout=5s", "vtiger.create-settle-time=10s", ""));
            Path log = dir.resolve("daemon.log");
            Path inbox = dir.resolve("data/inbox");

            DaemonProcess first = DaemonProcess.start(JAR, config, log);
            Await.until("daemon started", Duration.ofSeconds(60), () -> Files.isDirectory(inbox));
            Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(ROWS, "kill", 10_000_000));
            Files.move(aside, inbox.resolve("campaña noviembre.csv"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("a third of the leads created", Duration.ofSeconds(60), () -> sandbox.calls("create") >= ROWS / 3);
            first.kill();
            int beforeKill = sandbox.calls("create");
            assertThat(beforeKill).isLessThan(ROWS);
            assertThat(inbox.resolve("campaña noviembre.csv")).exists();

            knobs.latency(Duration.ZERO);
            DaemonProcess second = DaemonProcess.start(JAR, config, log);
            Await.until("file archived", Duration.ofSeconds(90), () -> VisibleFiles.in(dir.resolve("data/archive")).size() == 1);
            // a JVM stopped by SIGTERM exits 143 once its shutdown hooks ran (the unit file counts it as success)
            assertThat(second.terminate(Duration.ofSeconds(30))).isIn(0, 143);

            for (int i = 1; i <= ROWS; i++) {
                String email = "kill" + i + "@example.com";
                assertThat(sandbox.records("Leads").stream().filter(r -> email.equals(r.get("email"))).count())
                        .as(email).isEqualTo(1);
            }
            // the outbox also holds the "today at a glance" page, which is no report
            Path report = VisibleFiles.in(dir.resolve("data/outbox")).stream()
                    .filter(Reports::isReport).findFirst().orElseThrow();
            List<Map<String, String>> rows = Reports.read(report, ';');
            assertThat(rows).hasSize(ROWS).allMatch(r -> r.get("Status").equals("created"));
            assertThat(second.log()).contains("leadrouter started").contains("leadrouter stopped")
                    .doesNotContain("it-key");
        }
    }
}
