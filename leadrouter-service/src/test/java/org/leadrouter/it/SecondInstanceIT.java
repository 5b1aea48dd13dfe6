package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;

/**
 * A second leadrouter process started by mistake next to a running one: refused with exit code 2 (systemd does not
 * restart it in a loop) and a reason, before it says it started, while the first goes on working. H2 refuses a state
 * in use only to another process, so this needs two real processes.
 */
class SecondInstanceIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");

    @TempDir
    Path dir;

    @Test
    void aSecondProcessOnABusyStateOrManagementPortIsRefusedAndNeverSaysItStarted() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            int port = freePort();
            Path inbox = dir.resolve("data/inbox");
            Path config = config("leadrouter.properties", sandbox, "state", port);
            try (DaemonProcess first = DaemonProcess.start(JAR, config, dir.resolve("first.log"))) {
                Await.until("first started", Duration.ofSeconds(60), () -> first.log().contains("leadrouter started"));

                try (DaemonProcess sameState = DaemonProcess.start(JAR, config("same-state.properties", sandbox, "state", 0),
                        dir.resolve("same-state.log"))) {
                    assertThat(sameState.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
                    assertThat(sameState.log()).contains("in use by another leadrouter process")
                            .doesNotContain("started").doesNotContain("it-key");
                }
                try (DaemonProcess samePort = DaemonProcess.start(JAR, config("same-port.properties", sandbox, "state-b", port),
                        dir.resolve("same-port.log"))) {
                    assertThat(samePort.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
                    assertThat(samePort.log()).contains("management.port").contains("already in use")
                            .doesNotContain("started");
                }

                // the first one was not disturbed: it still takes files
                Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(3, "second", 10_000_000));
                Files.move(aside, inbox.resolve("después.csv"), StandardCopyOption.ATOMIC_MOVE);
                Await.until("file archived", Duration.ofSeconds(60), () -> Files.exists(dir.resolve("data/archive"))
                        && !Files.exists(inbox.resolve("después.csv")));
                assertThat(sandbox.calls("create")).isEqualTo(3);
                assertThat(first.alive()).isTrue();
                assertThat(first.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }

    private Path config(String name, VtigerSandbox sandbox, String state, int managementPort) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                "state.dir=" + dir.resolve(state), "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply",
                "inbox.poll-interval=100ms", "inbox.stable-time=0s",
                managementPort == 0 ? "management.enabled=false" : "management.port=" + managementPort,
                "management.host=127.0.0.1", ""));
    }


    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
