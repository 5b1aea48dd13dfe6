package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;

/**
 * {@code systemctl stop} (SIGTERM) while VTiger takes its time over a create (its workflows, a slow mail server):
 * the real jar waits for the create's answer before it exits, so the lead is recorded as created, and the restart
 * finishes the file without sending it again.
 */
class StopDuringSlowCreateIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final int LEADS = 5;
    private static final Duration SLOW_CREATE = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    @Test
    void sigtermWaitsForTheCreateInFlightAndTheRestartSendsNothingTwice() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture, knobs)) {
            Path inbox = dir.resolve("data/inbox");
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + inbox, "mode=apply",
                    "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false",
                    "vtiger.max-concurrency=1", ""));
            knobs.slowCreates(1, SLOW_CREATE);

            try (DaemonProcess first = DaemonProcess.start(JAR, config, dir.resolve("first.log"))) {
                Await.until("started", Duration.ofSeconds(60), () -> first.log().contains("leadrouter started"));
                Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(LEADS, "parada", 40_000_000));
                Files.move(aside, inbox.resolve("parada.csv"), StandardCopyOption.ATOMIC_MOVE);
                Await.until("the slow create sent", Duration.ofSeconds(60), () -> sandbox.calls("create") >= 1);
                long sigterm = System.nanoTime();
                assertThat(first.terminate(Duration.ofSeconds(90))).isIn(0, 143);
                Duration waited = Duration.ofNanos(System.nanoTime() - sigterm);
                // it stayed until VTiger answered (the create had just begun its 8 s), then stopped in order
                assertThat(waited).isGreaterThan(SLOW_CREATE.minusSeconds(3));
                assertThat(first.log()).contains("leadrouter stopping").contains("leadrouter stopped");
            }
            assertThat(sandbox.calls("create")).as("the stop sent nothing more").isEqualTo(1);
            assertThat(inbox.resolve("parada.csv")).as("left for the next start").exists();

            try (DaemonProcess second = DaemonProcess.start(JAR, config, dir.resolve("second.log"))) {
                Await.until("the file archived", Duration.ofSeconds(60), () -> !Files.exists(inbox.resolve("parada.csv")));
                assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
            for (int i = 1; i <= LEADS; i++) {
                String email = "parada" + i + "@example.com";
                assertThat(sandbox.records("Leads").stream().filter(r -> email.equals(r.get("email"))).count())
                        .as(email).isEqualTo(1);
            }
            assertThat(sandbox.calls("create")).as("no create sent twice").isEqualTo(LEADS);
        }
    }
}
