package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.metrics.InboxHealthCheck;
import org.leadrouter.metrics.LeadrouterMetrics;
import org.leadrouter.metrics.MetricsEvents;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.MutableClock;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * Files that wait longer than they should (here VTiger answers nothing but 503): the page says so at the top, with
 * since when, why, how many files and the oldest one's age; health's inbox component is DOWN and the gauge of the
 * oldest file's age grows; all clears once the file goes through.
 */
class InboxStallTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void filesHeldBackByVtigerForTwentyMinutesAreShownOnThePageInHealthAndInTheGauge() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        InboxHealthCheck inbox = new InboxHealthCheck();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        harness.knobs.failNext(1_000_000, SandboxKnobs.Failure.HTTP_503);
        harness.start(Map.of(), clock, VtigerCallListener.NONE,
                DaemonEvents.both(inbox, new MetricsEvents(new LeadrouterMetrics(registry))));
        Path file = harness.drop("bloqueado.csv", HEADER + "Ana Espera;ana.espera@example.com;;Salud;28/07/2025;Portales\n");
        Path page = harness.outbox().resolve("today.html");

        Await.until("VTiger tried", Duration.ofSeconds(30), () -> harness.sandbox.calls("getchallenge") > 0);
        Await.until("the file seen waiting", Duration.ofSeconds(30), () -> gauge(registry) >= 0
                && inbox.call().getDetails().get("waiting") instanceof Integer n && n == 1);
        assertThat(inbox.call().getState()).as("a few seconds of waiting is no stall").isEqualTo(HealthCheck.State.UP);

        clock.advance(Duration.ofMinutes(20));

        Await.until("health's inbox DOWN", Duration.ofSeconds(30), () -> inbox.call().getState() == HealthCheck.State.DOWN);
        assertThat(inbox.call().getMessage()).get().asString().contains("1 file(s) waiting").contains("VTIGER_UNAVAILABLE");
        assertThat(gauge(registry)).isGreaterThanOrEqualTo(20 * 60);
        Await.until("the page says the inbox does not move", Duration.ofSeconds(30),
                () -> read(page).contains("The inbox has not moved since"));
        assertThat(Files.readString(page)).contains("VTiger does not answer").contains("1 file waits")
                .contains("the oldest for 20 minutes");
        assertThat(file).exists();

        harness.knobs.reset();
        Await.until("the file archived", Duration.ofSeconds(60), () -> !Files.exists(file));
        Await.until("health's inbox UP", Duration.ofSeconds(30), () -> inbox.call().getState() == HealthCheck.State.UP);
        Await.until("the page clear", Duration.ofSeconds(30),
                () -> !read(page).contains("The inbox has not moved since"));
        assertThat(gauge(registry)).isZero();
    }

    @Test
    void aFileWaitingForAnUnansweredCreateToSettleSaysVtigerDoesNotAnswerNotAnUnknownCause() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        InboxHealthCheck inbox = new InboxHealthCheck();
        // VTiger works on the create longer than the client waits for its answer: the lead is not there yet
        harness.knobs.slowCreates(1, Duration.ofSeconds(15));
        harness.start(Map.of("vtiger.read-timeout", "1s", "vtiger.create-settle-time", "60m",
                "inbox.retry.initial-backoff", "1s", "inbox.retry.max-backoff", "2s"), clock, VtigerCallListener.NONE, inbox);
        Path file = harness.drop("lento.csv", HEADER + "Juan Lento;juan.lento@example.com;;Salud;28/07/2025;Portales\n");
        Path page = harness.outbox().resolve("today.html");

        Await.until("the create sent", Duration.ofSeconds(30), () -> harness.sandbox.calls("create") > 0
                && inbox.call().getDetails().get("waiting") instanceof Integer n && n == 1);
        clock.advance(Duration.ofMinutes(20));

        // the stall shows at once; its cause once the client has given up waiting for the create's answer (1 s)
        Await.until("health's inbox DOWN because VTiger does not answer", Duration.ofSeconds(10),
                () -> inbox.call().getState() == HealthCheck.State.DOWN
                        && inbox.call().getMessage().orElse("").contains("VTIGER_UNAVAILABLE"));
        Await.until("the page says the inbox does not move because VTiger does not answer", Duration.ofSeconds(10),
                () -> read(page).contains("The inbox has not moved since") && read(page).contains("VTiger does not answer"));
        assertThat(read(page)).doesNotContain("with no error in sight");

        Await.until("the file archived once VTiger has the lead", Duration.ofSeconds(60), () -> !Files.exists(file));
        assertThat(harness.leadsWithEmail("juan.lento@example.com")).isEqualTo(1);
        Await.until("health's inbox UP", Duration.ofSeconds(30), () -> inbox.call().getState() == HealthCheck.State.UP);
    }

    private static String read(Path page) {
        try {
            return Files.exists(page) ? Files.readString(page) : "";
        } catch (java.io.IOException e) {
            return ""; // being rewritten: read again
        }
    }

    private static double gauge(SimpleMeterRegistry registry) {
        var g = registry.find("leadrouter.inbox.oldest.age").gauge();
        return g == null ? -1 : g.value();
    }
}
