package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.HostileWorkbooks;
import org.leadrouter.testing.LeadFiles;

/**
 * Workbooks built to exhaust memory, dropped before a good file into the daemon as it runs in production, in its own
 * process with a 256 MB heap: a table of 5,000,000 short shared texts (27 MB zipped, within the size limit) and one
 * cell of 1 MB. Each goes to error/ with a reason naming the limit it passed, the good file behind them is
 * distributed, and the process lives on; `run` says the same of the 1 MB cell with exit code 2, not 4.
 */
class WorkbookMemoryIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");

    @TempDir
    Path dir;

    @Test
    void workbooksBuiltToExhaustMemoryGoToErrorAndTheFileBehindThemIsDistributed() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
        Path texts = HostileWorkbooks.manySharedTexts(dir.resolve("textos.xlsx"), 5_000_000);
        Path cell = HostileWorkbooks.oneLongCell(dir.resolve("celda.xlsx"), 1 << 20);
        Path good = Files.writeString(dir.resolve("buenos.csv"), LeadFiles.people(3, "memoria", 10_000_000));
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            Path inbox = Files.createDirectories(dir.resolve("data/inbox"));
            Path error = dir.resolve("data/error");
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + inbox, "mode=apply", "language=es",
                    "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false", ""));
            // oldest first: the hostile workbooks are taken before the good file
            Instant now = Instant.now();
            List<Path> dropped = List.of(texts, cell, good);
            for (int i = 0; i < dropped.size(); i++) {
                Files.setLastModifiedTime(dropped.get(i), FileTime.from(now.minusSeconds(60 - i)));
                Files.move(dropped.get(i), inbox.resolve(dropped.get(i).getFileName()),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            try (DaemonProcess daemon = DaemonProcess.start(JAR, config, dir.resolve("daemon.log"))) {
                Await.until("the good file distributed", Duration.ofSeconds(240),
                        () -> sandbox.calls("create") == 3 && !Files.exists(inbox.resolve("buenos.csv")));
                Await.until("both workbooks in error/ with their reasons", Duration.ofSeconds(60),
                        () -> Files.exists(error.resolve("textos.xlsx.error.txt"))
                                && Files.exists(error.resolve("celda.xlsx.error.txt")));

                assertThat(Files.readString(error.resolve("textos.xlsx.error.txt")))
                        .containsPattern("este libro guarda más de [0-9.]+ textos distintos");
                assertThat(Files.readString(error.resolve("celda.xlsx.error.txt")))
                        .contains("la celda A2 de la hoja 'Hoja1' tiene más de 32.767 caracteres");
                assertThat(daemon.alive()).isTrue();
                assertThat(daemon.log()).doesNotContain("OutOfMemoryError").doesNotContain("it-key");
                assertThat(daemon.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }

            Process run = new ProcessBuilder(javaCommand(), "-Xmx256m", "-jar", JAR.toString(), "run",
                    error.resolve("celda.xlsx").toString(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("run.log"))).contains("32.767 caracteres");
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
