package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.metrics.DiskHealthCheck;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.SmallDisk;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * The state's disk fills up in the middle of a file, on a real small disk: H2 closes the database at the failed
 * write. The file stays in the inbox, health is DOWN naming the state's folder, nothing more is sent while it cannot
 * be written; once space is back the database is reopened without a restart, the file goes on, and every lead is in
 * VTiger once — the one whose answer could not be recorded is found by its import marker, not sent again.
 */
class FullStateDiskTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final int LEADS = 6;

    @TempDir
    Path root;
    private SmallDisk disk;
    private DaemonHarness harness;
    private final DiskHealthCheck health = new DiskHealthCheck();

    @BeforeEach
    void smallDisk() throws Exception {
        disk = SmallDisk.mount(root.resolve("state-disk"), 16);
        assumeTrue(disk != null, "mounting a small disk (tmpfs) needs root or CAP_SYS_ADMIN: a full state disk cannot"
                + " be made here");
        harness = new DaemonHarness(root, DaemonHarness.fixture().build());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aStateDiskThatFillsMidFileHealsWithoutARestartAndCreatesEveryLeadOnce() throws Exception {
        Path state = disk.path().resolve("state");
        AtomicInteger creates = new AtomicInteger();
        // the disk fills while VTiger stores the third lead: its answer cannot be recorded
        harness.knobs.rejectCreates(fields -> {
            if (creates.incrementAndGet() == 3) {
                disk.fill();
            }
            return false;
        }, "UNUSED", "never");
        harness.start(Map.of("state.dir", state.toString(), "vtiger.max-concurrency", "1",
                "inbox.retry.initial-backoff", "200ms", "inbox.retry.max-backoff", "400ms"),
                Clock.systemDefaultZone(), VtigerCallListener.NONE, health);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= LEADS; i++) {
            csv.append("Persona ").append(i).append(" Llena;estado").append(i).append("@example.com;60012345")
                    .append(i).append(";Salud;28/07/2025;Portales\n");
        }
        Path file = harness.drop("estado lleno.csv", csv.toString());

        Await.until("health DOWN", Duration.ofSeconds(30), () -> health.call().getState() == HealthCheck.State.DOWN);
        assertThat(health.call().getMessage()).get().asString().contains(state.toString())
                .contains("No space left on device");
        Thread.sleep(2_000);
        assertThat(file).as("the file waits in the inbox").exists();
        assertThat(harness.sandbox.calls("create")).as("nothing sent while the state cannot be written").isEqualTo(3);
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
        assertThat(harness.reports()).isEmpty();

        disk.free();
        Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));
        for (int i = 1; i <= LEADS; i++) {
            assertThat(harness.leadsWithEmail("estado" + i + "@example.com")).as("lead " + i).isEqualTo(1);
        }
        assertThat(harness.sandbox.calls("create")).isEqualTo(LEADS);
        List<Path> reports = harness.reports();
        assertThat(reports).hasSize(1);
        assertThat(Reports.read(reports.get(0), ';')).hasSize(LEADS).allMatch(r -> "created".equals(r.get("Status")));
        assertThat(health.call().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
