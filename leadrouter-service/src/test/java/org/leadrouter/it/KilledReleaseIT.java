package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;

/**
 * The real jar killed (SIGKILL) in the middle of a release of the deferred queue, then started again: every lead is
 * in VTiger once, and every lead created appears in exactly one report — the ones the killed release created are
 * listed by the next one.
 */
class KilledReleaseIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final int LEADS = 40;
    private static final int ADVISORS = 3;

    @TempDir
    Path dir;

    @Test
    void aReleaseKilledMidwayCreatesEveryLeadOnceAndReportsEachInExactlyOneReport() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).advisor("asesor.luis", true).build();
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture, knobs)) {
            Path inbox = dir.resolve("data/inbox");
            Path outbox = dir.resolve("data/outbox");

            // a cap of one: the file gives one lead to each advisor, the rest waits in the deferred queue
            try (DaemonProcess capOne = DaemonProcess.start(JAR, config("cap-one.properties", sandbox, 1), dir.resolve("1.log"))) {
                Await.until("started", Duration.ofSeconds(60), () -> capOne.log().contains("leadrouter started"));
                Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(LEADS, "cola", 30_000_000));
                Files.move(aside, inbox.resolve("cola.csv"), StandardCopyOption.ATOMIC_MOVE);
                Await.until("the file's report", Duration.ofSeconds(60), () -> reports(outbox).size() == 1);
                assertThat(capOne.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
            assertThat(sandbox.calls("create")).isEqualTo(ADVISORS);

            // the cap raised: the queue is released, slowly, and the process is killed halfway through
            Path raised = config("raised.properties", sandbox, 100);
            knobs.latency(Duration.ofMillis(60));
            try (DaemonProcess releasing = DaemonProcess.start(JAR, raised, dir.resolve("2.log"))) {
                Await.until("half the queue created", Duration.ofSeconds(90),
                        () -> sandbox.calls("create") >= ADVISORS + (LEADS - ADVISORS) / 2);
                releasing.kill();
            }
            int beforeRestart = sandbox.records("Leads").size();
            assertThat(beforeRestart).isLessThan(LEADS);
            knobs.latency(Duration.ZERO);

            try (DaemonProcess again = DaemonProcess.start(JAR, raised, dir.resolve("3.log"))) {
                Await.until("every lead created", Duration.ofSeconds(90), () -> sandbox.records("Leads").size() == LEADS);
                Await.until("every created lead reported", Duration.ofSeconds(60), () -> createdInReports(outbox).size() >= LEADS);
                assertThat(again.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }

            Map<String, Long> perEmail = sandbox.records("Leads").stream()
                    .collect(Collectors.groupingBy(l -> l.get("email"), Collectors.counting()));
            assertThat(perEmail).hasSize(LEADS);
            assertThat(perEmail.values()).as("no lead twice").containsOnly(1L);
            List<String> listed = createdInReports(outbox);
            assertThat(listed).as("every created lead in exactly one report").hasSize(LEADS).doesNotHaveDuplicates();
            Set<String> inCrm = sandbox.records("Leads").stream().map(l -> l.get("id")).collect(Collectors.toSet());
            assertThat(Set.copyOf(listed)).isEqualTo(inCrm);
        }
    }

    private Path config(String name, VtigerSandbox sandbox, int cap) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                "state.dir=" + dir.resolve("state"), "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply",
                "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.enabled=false",
                "allocation.daily-cap=" + cap, "deferred.check-interval=200ms", "vtiger.max-concurrency=1",
                // a create killed before its answer is settled by its marker (or sent again) 10 s after it was sent
                "vtiger.read-timeout=5s", "vtiger.create-settle-time=10s", ""));
    }

    private static List<Path> reports(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(Reports::isReport).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lead ids reported {@code created}, over every report in the outbox. */
    private static List<String> createdInReports(Path outbox) {
        List<String> ids = new ArrayList<>();
        for (Path report : reports(outbox)) {
            try {
                Reports.read(report, ';').stream().filter(r -> "created".equals(r.get("Status")))
                        .forEach(r -> ids.add(r.get("LeadID")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }
}
