package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.app.Wiring;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * A shared state database that does not answer when the daemon starts (the database server still booting with the
 * machine) is waited for, said once in the log, instead of the start failing for systemd to restart it again and
 * again; the files wait in the inbox and go through once it answers. A stop while waiting ends the wait.
 */
class StateAtStartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WAITING = "leadrouter waits for it and starts once it answers";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void aSharedStateThatDoesNotAnswerYetIsWaitedForAndTheFilesGoThroughOnceItDoes() throws Exception {
        int port = freePort();
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            CompletableFuture<Daemon> start = CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.start(sharedState(port));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Path file = harness.drop("espera.csv", LeadFiles.people(2, "espera", 94_000_000));
            Await.until("the wait said", WAIT, () -> log.messages(Level.WARN).stream().anyMatch(m -> m.contains(WAITING)));
            Thread.sleep(1_000); // several tries, each refused
            assertThat(start).isNotDone();
            assertThat(file).exists();
            assertThat(harness.sandbox.calls("create")).isZero();

            try (EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(port).start()) {
                start.get(60, TimeUnit.SECONDS);
                Path report = harness.awaitReports(1).get(0);
                assertThat(Reports.read(report, ';')).hasSize(2).allMatch(r -> r.get("Status").equals("created"));
                assertThat(log.messages(Level.WARN).stream().filter(m -> m.contains(WAITING))).as("said once").hasSize(1);
                assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("the state database answers"));
                harness.stop();
            }
        }
    }

    @Test
    void aStopWhileWaitingForTheStateEndsTheWait() throws Exception {
        int port = freePort();
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            Daemon daemon = Wiring.daemon(Settings.from(ConfigSource.of(harness.config(sharedState(port)))),
                    Clock.systemDefaultZone(), VtigerCallListener.NONE, DaemonEvents.NONE);
            Thread thread = DaemonHarness.inThread(daemon, "daemon-waiting");
            Await.until("the wait said", WAIT, () -> log.messages(Level.WARN).stream().anyMatch(m -> m.contains(WAITING)));

            daemon.stop();
            thread.join(10_000);

            assertThat(thread.isAlive()).isFalse();
            assertThat(daemon.awaitStarted(Duration.ZERO)).isFalse();
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("it never started"));
        }
    }

    private static Map<String, String> sharedState(int port) {
        return Map.of("state.url", "jdbc:postgresql://localhost:" + port + "/postgres", "state.username", "postgres",
                "state.password", "unused");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
