package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.metrics.DiskHealthCheck;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * A folder the daemon cannot write (a full disk — stood in for by the folder being replaced with a plain file, which
 * fails the same way for any user, root included): the file stays, back-off applies, health is DOWN naming the
 * folder, nothing is half-written or repeated, and all resumes by itself.
 */
class FullDiskTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final Map<String, String> FAST = Map.of("inbox.retry.initial-backoff", "200ms",
            "inbox.retry.max-backoff", "400ms");

    @TempDir
    Path root;
    private DaemonHarness harness;
    private final DiskHealthCheck disk = new DiskHealthCheck();

    @BeforeEach
    void sandbox() throws Exception {
        harness = new DaemonHarness(root, DaemonHarness.fixture().build());
    }

    @AfterEach
    void cleanUp() throws Exception {
        harness.close();
    }

    private void start() throws InterruptedException {
        harness.start(FAST, Clock.systemDefaultZone(), VtigerCallListener.NONE, disk);
    }

    /** The folder becomes unwritable: its place is taken by a plain file. */
    private static void block(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(folder, "not a folder");
    }

    private static void unblock(Path folder) throws Exception {
        Files.delete(folder);
        Files.createDirectories(folder);
    }

    private String twoLeads(String prefix) {
        return HEADER + "Juan " + prefix + ";" + prefix + "1@example.com;600123456;Salud;28/07/2025;Portales\n"
                + "Ana " + prefix + ";" + prefix + "2@example.com;600654321;Salud;28/07/2025;Portales\n";
    }

    private HealthCheck.State health() {
        return disk.call().getState();
    }

    @Test
    void aFullOutboxKeepsTheFileAndResumesWithOneReport() throws Exception {
        start();
        block(harness.outbox());
        Path file = harness.drop("lleno.csv", twoLeads("outbox"));

        Await.until("health DOWN", Duration.ofSeconds(30), () -> health() == HealthCheck.State.DOWN);
        assertThat(disk.call().getMessage()).get().asString().contains("outbox");
        Thread.sleep(1_000);
        assertThat(file).exists();
        assertThat(DaemonHarness.files(harness.error())).isEmpty();

        unblock(harness.outbox());
        Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));
        assertThat(harness.reports()).hasSize(1);
        assertThat(harness.leadsWithEmail("outbox1@example.com")).isEqualTo(1);
        assertThat(harness.leadsWithEmail("outbox2@example.com")).isEqualTo(1);
        // the file leaves the inbox a moment before health hears of it
        Await.until("health UP", Duration.ofSeconds(30), () -> health() == HealthCheck.State.UP);
    }

    @Test
    void aFullArchiveKeepsTheFileWithoutDistributingItAgain() throws Exception {
        start();
        block(harness.archive());
        Path file = harness.drop("archivo.csv", twoLeads("archive"));

        Await.until("health DOWN", Duration.ofSeconds(30), () -> health() == HealthCheck.State.DOWN);
        assertThat(disk.call().getMessage()).get().asString().contains("archive");
        Thread.sleep(2_000);
        assertThat(file).exists();
        assertThat(harness.reports()).as("not processed again while it waits").hasSize(1);

        unblock(harness.archive());
        Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));
        assertThat(harness.reports()).hasSize(1);
        assertThat(harness.sandbox.calls("create")).isEqualTo(2);
        Await.until("health UP", Duration.ofSeconds(30), () -> health() == HealthCheck.State.UP);
    }

    @Test
    void aFullErrorFolderLeavesNoEmptyExplanationAndNoHotLoop() throws Exception {
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            start();
            block(harness.error());
            Path file = harness.drop("roto.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0});

            Await.until("health DOWN", Duration.ofSeconds(30), () -> health() == HealthCheck.State.DOWN);
            Thread.sleep(2_000);
            assertThat(file).exists();
            assertThat(log.messages(Level.ERROR).size() + log.messages(Level.WARN).size()).as("no hot loop").isLessThan(10);

            unblock(harness.error());
            Path explanation = harness.error().resolve("roto.csv.error.txt");
            Await.until("the file rejected", Duration.ofSeconds(30), () -> Files.exists(explanation));
            assertThat(Files.readString(explanation, StandardCharsets.UTF_8)).isNotBlank();
            assertThat(DaemonHarness.files(harness.error()).stream().filter(p -> p.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
    }
}
