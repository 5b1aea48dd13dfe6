package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.Reports;

/** Deferred leads survive the loss of the state: the outbox keeps a copy of the queue that can be dropped again. */
class LostStateTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void deferredLeadsAreRecoveredFromTheCopyOfTheQueueAfterTheStateIsLost() throws Exception {
        Path copy = loseTheStateWithThreeLeadsDeferred();
        assertThat(Reports.read(copy, ';')).hasSize(3);
        Files.copy(copy, harness.inbox().resolve("recuperadas.csv"));
        harness.start(Map.of("allocation.daily-cap", "10"));

        everyLeadOnceAfterTheRecoveredFileIsArchived();
        assertThat(harness.sandbox.records("Leads").stream().filter(l -> l.get("email").equals("perdida6@example.com"))
                .findFirst().orElseThrow().get("phone")).contains("655000160");
    }

    @Test
    void aStartOnTheEmptyStateKeepsTheCopyOfTheQueueSoItCanStillBeDroppedAfterwards() throws Exception {
        Path copy = loseTheStateWithThreeLeadsDeferred();

        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            // the service comes back on an empty state (a new server, a state moved aside) before anyone notices
            harness.start(Map.of("allocation.daily-cap", "10"));
            harness.drop("otro.csv", HEADER + "Eva Nueva;eva.nueva@example.com;+34 655000999;Salud;28/07/2025;Portales\n");
            Await.until("the other file archived", Duration.ofSeconds(30),
                    () -> !Files.exists(harness.inbox().resolve("otro.csv")));
            assertThat(copy).as("the copy of the queue of the lost state").exists();
            assertThat(log.messages(Level.WARN)).anyMatch(m -> m.contains(copy.toString())
                    && m.contains("3 deferred lead(s) of another state"));
        }
        Files.copy(copy, harness.inbox().resolve("recuperadas.csv"));

        everyLeadOnceAfterTheRecoveredFileIsArchived();
    }

    @Test
    void theCopyOfALostQueueIsNeverTouchedWhenTheNewStateDefersLeadsOfItsOwn() throws Exception {
        Path lostCopy = loseTheStateWithThreeLeadsDeferred();
        String lost = Files.readString(lostCopy);

        harness.start(Map.of("allocation.daily-cap", "1")); // the advisors are at the cap already
        harness.drop("nuevas.csv", HEADER + "Eva Nueva;eva.nueva@example.com;+34 655000999;Salud;28/07/2025;Portales\n");
        Await.until("the new file archived", Duration.ofSeconds(30), () -> !Files.exists(harness.inbox().resolve("nuevas.csv")));
        Await.until("the new state's copy", Duration.ofSeconds(10), () -> copies().size() == 2);

        assertThat(Files.readString(lostCopy)).as("the lost state's copy, untouched").isEqualTo(lost);
        Path newCopy = copies().stream().filter(p -> !p.equals(lostCopy)).findFirst().orElseThrow();
        assertThat(readQuietly(newCopy)).contains("eva.nueva@example.com").doesNotContain("perdida");
    }

    /**
     * Six leads for three advisors with a cap of 1: three wait in the deferred queue; the daemon stops and its state is
     * deleted. Returns the copy of the queue the lost state left in the outbox.
     */
    private Path loseTheStateWithThreeLeadsDeferred() throws Exception {
        harness.start(Map.of("allocation.daily-cap", "1"));
        harness.drop("perdidas.csv", people(6));
        harness.awaitReports(1);
        Path copy = Await.value("the copy of the queue", Duration.ofSeconds(10), this::theOnlyCopy);
        harness.stop();
        deleteState();
        return copy;
    }

    private void everyLeadOnceAfterTheRecoveredFileIsArchived() {
        Await.until("the recovered file archived", Duration.ofSeconds(30),
                () -> !Files.exists(harness.inbox().resolve("recuperadas.csv")));
        Map<String, Long> perEmail = harness.sandbox.records("Leads").stream()
                .filter(l -> l.get("email").startsWith("perdida"))
                .collect(Collectors.groupingBy(l -> l.get("email"), Collectors.counting()));
        assertThat(perEmail).hasSize(6);
        assertThat(perEmail.values()).containsOnly(1L);
    }

    /** The copies of deferred queues in the outbox. */
    private List<Path> copies() {
        return DaemonHarness.files(harness.outbox()).stream()
                .filter(p -> DeferredQueueCopy.isCopy(p.getFileName().toString())).toList();
    }

    private Path theOnlyCopy() {
        List<Path> copies = copies();
        return copies.size() == 1 ? copies.get(0) : null;
    }

    private static String people(int n) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            csv.append("Persona perdida").append(i).append(" García;perdida").append(i).append("@example.com;+34 6550001")
                    .append(i).append("0;Salud;28/07/2025;Portales\n");
        }
        return csv.toString();
    }

    private void deleteState() throws java.io.IOException {
        try (var files = Files.walk(harness.root.resolve("state"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
