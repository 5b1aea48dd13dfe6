package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.SandboxFaults;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.Reports;

/** A release of the deferred queue that stops midway: every lead it created appears in exactly one report. */
class DeferredReportsTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void leadsCreatedByAnInterruptedReleaseAreListedInTheNextReport() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 9; i++) {
            csv.append("Persona cola").append(i).append(" García;cola").append(i).append("@example.com;6550000")
                    .append(i).append("0;Salud;28/07/2025;Portales\n");
        }
        Map<String, String> capOne = Map.of("allocation.daily-cap", "1", "vtiger.read-timeout", "1s",
                "vtiger.create-settle-time", "2s", "deferred.check-interval", "300ms",
                "vtiger.max-concurrency", "1"); // one create at a time: the release stops after its second
        harness.start(capOne);
        harness.drop("cola.csv", csv.toString());
        harness.awaitReports(1);
        harness.stop();
        assertThat(harness.sandbox.records("Leads").stream().filter(l -> l.get("email").startsWith("cola"))).hasSize(3);

        // the next release stops after its second create: VTiger goes away (every request fails) for a while
        AtomicInteger creates = new AtomicInteger();
        harness.knobs.rejectCreates(element -> {
            if (creates.incrementAndGet() == 3) {
                harness.knobs.failNext(1_000_000, SandboxFaults.Failure.HTTP_503);
                throw new IllegalStateException("the server went away");
            }
            return false;
        }, "UNUSED", "never");
        Map<String, String> capTen = new java.util.HashMap<>(capOne);
        capTen.put("allocation.daily-cap", "10");
        harness.start(capTen);
        Await.until("the release interrupted", Duration.ofSeconds(30), () -> creates.get() >= 3);
        Thread.sleep(1_000);
        harness.knobs.reset();

        Await.until("every lead created", Duration.ofSeconds(60), () -> harness.sandbox.records("Leads").stream()
                .filter(l -> l.get("email").startsWith("cola")).count() == 9);
        Await.until("a report listing the last one", Duration.ofSeconds(30), () -> createdInReports().size() == 9);
        harness.stop();

        List<String> listed = createdInReports();
        assertThat(listed).hasSize(9).doesNotHaveDuplicates();
        Map<String, Long> perEmail = harness.sandbox.records("Leads").stream().filter(l -> l.get("email").startsWith("cola"))
                .collect(Collectors.groupingBy(l -> l.get("email"), Collectors.counting()));
        assertThat(perEmail.values()).hasSize(9).containsOnly(1L);
    }

    /** The lead ids reported {@code created}, over every report in the outbox. */
    private List<String> createdInReports() {
        List<String> ids = new ArrayList<>();
        for (Path report : harness.reports()) {
            try {
                Reports.read(report, ';').stream().filter(r -> "created".equals(r.get("Status")))
                        .forEach(r -> ids.add(r.get("LeadID")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ids;
    }
}
