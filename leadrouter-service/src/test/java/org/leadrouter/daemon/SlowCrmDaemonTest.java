package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.app.Wiring;
import org.leadrouter.testing.Await;

/** A file whose create was not answered waits on its own; the files behind it go on; nothing is created twice. */
class SlowCrmDaemonTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void aFileWithAnUnansweredCreateWaitsWhileTheNextFileGoesOnAndNothingIsCreatedTwice() throws Exception {
        // longer than the marker lookup's read timeouts and retries put together: the lookup must not queue behind
        // the create on its session (PHP's session lock) but be answered on another
        harness.knobs.slowCreates(1, Duration.ofSeconds(8));
        harness.drop("a-slow.csv", HEADER + "Juan Pérez;juan.slow@example.com;600123456;Salud;28/07/2025;Portales\n");
        Thread.sleep(20); // "a-slow.csv" is the older file: it is taken first
        harness.drop("b-next.csv", HEADER + "Ana Gómez;ana.next@example.com;600654321;Salud;28/07/2025;Portales\n");
        harness.start(Map.of("vtiger.read-timeout", "1s", "vtiger.create-settle-time", "60s",
                "inbox.retry.initial-backoff", "1s", "inbox.retry.max-backoff", "2s"));

        Await.until("the second file archived", Duration.ofSeconds(30),
                () -> !java.nio.file.Files.exists(harness.inbox().resolve("b-next.csv")));
        assertThat(harness.leadsWithEmail("ana.next@example.com")).isEqualTo(1);
        assertThat(harness.leadsWithEmail("juan.slow@example.com")).as("the next file went on while VTiger was still"
                + " working on the slow create").isZero();
        Await.until("the first file archived", Duration.ofSeconds(30),
                () -> !java.nio.file.Files.exists(harness.inbox().resolve("a-slow.csv")));

        assertThat(harness.awaitReports(2)).hasSize(2);
        assertThat(harness.leadsWithEmail("juan.slow@example.com")).isEqualTo(1);
        assertThat(harness.sandbox.calls("create")).isEqualTo(2);
    }

    @Test
    void aStopDuringASlowCreateLeavesTheRowToBeSettledByItsMarkerAtTheNextStart() throws Exception {
        Map<String, String> settings = Map.of("vtiger.read-timeout", "1s", "vtiger.create-settle-time", "60s",
                "inbox.retry.initial-backoff", "500ms", "inbox.retry.max-backoff", "1s");
        harness.knobs.slowCreates(1, Duration.ofSeconds(4));
        harness.drop("slow.csv", HEADER + "Juan Pérez;juan.slow@example.com;600123456;Salud;28/07/2025;Portales\n"
                + "Ana Gómez;ana.slow@example.com;600654321;Salud;28/07/2025;Portales\n");
        harness.start(settings);
        Await.until("the first create sent", Duration.ofSeconds(30), () -> harness.sandbox.calls("create") >= 1);

        harness.stop(); // the create was not answered (VTiger works on it for 4 s): its row is left to be settled
        harness.start(settings);

        Await.until("the file archived", Duration.ofSeconds(30),
                () -> !java.nio.file.Files.exists(harness.inbox().resolve("slow.csv")));
        assertThat(harness.leadsWithEmail("juan.slow@example.com")).isEqualTo(1);
        assertThat(harness.leadsWithEmail("ana.slow@example.com")).isEqualTo(1);
        assertThat(harness.sandbox.calls("create")).isEqualTo(2);
        assertThat(harness.awaitReports(1)).hasSize(1);
    }

    @Test
    void theSystemdUnitWaitsLongerThanTheDaemonDoesForACreateInFlight() throws Exception {
        String unit = java.nio.file.Files.readString(Path.of("../deploy/systemd/leadrouter.service"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^TimeoutStopSec=(\\d+)s$").matcher(unit);
        assertThat(m.find()).isTrue();
        Daemon daemon = Wiring.daemon(org.leadrouter.config.Settings.from(org.leadrouter.config.ConfigSource.of(
                harness.config(Map.of("vtiger.read-timeout", "60s")))), java.time.Clock.systemUTC(),
                org.leadrouter.vtiger.VtigerCallListener.NONE, DaemonEvents.NONE);

        assertThat(Duration.ofSeconds(Long.parseLong(m.group(1)))).isGreaterThan(daemon.stopTimeout());
        assertThat(daemon.stopTimeout()).isGreaterThan(Duration.ofSeconds(60));
    }
}
