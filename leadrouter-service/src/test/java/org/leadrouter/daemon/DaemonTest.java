package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.SandboxFaults;
import ch.qos.logback.classic.Level;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.MutableClock;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/** The daemon on temporary folders against the sandbox: reports, archive, error, retry, stop and resume, deferral. */
class DaemonTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    private static String leads(int count, String prefix) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append("Persona ").append(prefix).append(i).append(" García;").append(prefix).append(i)
                    .append("@example.com;").append(String.format("6%08d", 10_000_000 + prefix.hashCode() % 1000 * 1000 + i))
                    .append(";Electricidad;28/07/2025;Portales\n");
        }
        return csv.toString();
    }

    @Test
    void droppedFileIsDistributedReportedAndArchived() throws Exception {
        harness.start(Map.of());
        harness.drop("leads de julio.csv", HEADER
                + "Juan Pérez;juan.perez@example.com;600123456;Salud;28/07/2025;Portales\n"
                + "Eva Existente;EXISTE@example.com;;Salud;28/07/2025;SEO\n"
                + "Sin Contacto;nada;12;Salud;28/07/2025;SEO\n");
        Path report = harness.awaitReports(1).get(0);
        Await.until("input archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 1);

        assertThat(report.getFileName().toString()).startsWith("leads de julio_").endsWith("_report.csv");
        List<Map<String, String>> rows = Reports.read(report, ';');
        assertThat(rows).extracting(r -> r.get("Status")).containsExactly("created", "duplicate", "invalid");
        assertThat(rows.get(0).get("LeadID")).matches("\\d+x\\d+");
        assertThat(DaemonHarness.files(harness.archive()).get(0).toString()).matches(".*/archive/\\d{4}/\\d{2}/\\d{2}/leads de julio\\.csv");
        assertThat(DaemonHarness.files(harness.inbox())).isEmpty();
        assertThat(harness.leadsWithEmail("juan.perez@example.com")).isEqualTo(1);
    }

    @Test
    void filesReuseTheDaemonsSessionsAndStoppingLogsOutOfThem() throws Exception {
        harness.start(Map.of());
        // the readiness check's own session (systemd's Type=notify) is logged out as soon as VTiger answered it
        int logoutsAtStart = harness.sandbox.calls("logout");
        harness.drop("primero.csv", HEADER + "Juan Pérez;juan.perez@example.com;600123456;Salud;28/07/2025;Portales\n");
        harness.awaitReports(1);
        int loginsAfterFirst = harness.sandbox.calls("login");
        harness.drop("segundo.csv", HEADER + "Eva Nueva;eva.nueva@example.com;611223344;Salud;28/07/2025;SEO\n");
        harness.awaitReports(2);
        assertThat(harness.sandbox.calls("login")).as("the second file logs in again").isEqualTo(loginsAfterFirst);
        assertThat(harness.sandbox.calls("logout")).as("no logout while running").isEqualTo(logoutsAtStart);

        harness.stop();

        assertThat(harness.sandbox.calls("logout")).isEqualTo(loginsAfterFirst).isPositive();
    }

    @Test
    void logsAtInfoCarryCountsButNoPersonalData() throws Exception {
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            harness.start(Map.of());
            harness.drop("privado.csv", HEADER
                    + "Juan Pérez;juan.perez@example.com;600123456;Salud;28/07/2025;Portales\n"
                    + "Eva Existente;existe@example.com;;Salud;28/07/2025;SEO\n"
                    + "Sin Contacto;nada;12;Salud;28/07/2025;SEO\n");
            harness.awaitReports(1);
            Await.until("the file's summary line", WAIT, () -> log.messages(Level.INFO).stream().anyMatch(m -> m.contains("privado.csv")));

            List<String> visible = new java.util.ArrayList<>(log.messages(Level.INFO));
            visible.addAll(log.messages(Level.WARN));
            visible.addAll(log.messages(Level.ERROR));
            assertThat(visible).isNotEmpty().noneMatch(m -> m.contains("juan.perez") || m.contains("Pérez")
                    || m.contains("600123456") || m.contains("+34600123456") || m.contains("existe@") || m.contains("Eva"));
        }
    }

    @Test
    void fileThatCanNeverSucceedGoesToErrorWithAPlainReason() throws Exception {
        harness.start(Map.of());
        harness.drop("informe.csv", "%PDF-1.7\n%âãÏÓ binary".getBytes(StandardCharsets.ISO_8859_1));
        harness.drop("vacio.csv", new byte[0]);
        harness.awaitRejected("informe.csv", "vacio.csv");

        String pdfReason = Files.readString(harness.error().resolve("informe.csv.error.txt"));
        assertThat(pdfReason).contains("PDF").contains("Nothing from this file was sent to the CRM");
        assertThat(Files.readString(harness.error().resolve("vacio.csv.error.txt"))).contains("empty");
        assertThat(harness.sandbox.calls("create")).isZero();
    }

    @Test
    void fileStillBeingWrittenIsNotTakenEarly() throws Exception {
        harness.start(Map.of("inbox.stable-time", "3s"));
        Path file = harness.inbox().resolve("lento.csv");
        Files.createDirectories(harness.inbox());
        Files.writeString(file, HEADER);
        // a deliberately slow sender: one row every 300 ms, each write refreshes the file's modification time
        for (int i = 1; i <= 5; i++) {
            Files.writeString(file, "Lento " + i + " Ruiz;lento" + i + "@example.com;;Salud;01/08/2025;SEO\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(300);
        }
        Path report = harness.awaitReports(1).get(0);
        assertThat(Reports.read(report, ';')).hasSize(5).allMatch(r -> r.get("Status").equals("created"));
    }

    @Test
    void doneMarkerLetsAFileGoAtOnceAndHiddenTemporaryAndLinkedFilesAreLeftAlone() throws Exception {
        harness.start(Map.of("inbox.stable-time", "1h"));
        Files.createDirectories(harness.inbox());
        Path hidden = Files.writeString(harness.inbox().resolve(".oculto.csv"), leads(1, "h"));
        Path tmp = Files.writeString(harness.inbox().resolve("subiendo.csv.tmp"), leads(1, "t"));
        Path part = Files.writeString(harness.inbox().resolve("subiendo.csv.part"), leads(1, "p"));
        Path link = Files.createSymbolicLink(harness.inbox().resolve("enlace.csv"), Path.of("/etc/passwd"));
        Path ready = harness.drop("listo.csv", leads(2, "r"));
        InboxFilter filter = new InboxFilter(Duration.ofHours(1), new RetryGate(Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC()),
                new FileWaits(Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC()), Clock.systemUTC());
        assertThat(filter.accept(ready)).as("fresh file without marker").isFalse();

        Files.createFile(harness.inbox().resolve("listo.csv.done"));
        harness.awaitReports(1);
        Await.until("marker removed with the file", WAIT, () -> !Files.exists(harness.inbox().resolve("listo.csv.done")));
        assertThat(DaemonHarness.files(harness.inbox())).containsExactlyInAnyOrder(hidden, tmp, part, link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(filter.accept(link)).isFalse();
        assertThat(harness.sandbox.calls("create")).isEqualTo(2);
    }

    @Test
    void fileStaysInInboxWhileCrmIsDownThenGoesThroughAfterRecovery() throws Exception {
        harness.knobs.failNext(1_000_000, SandboxFaults.Failure.HTTP_503);
        harness.start(Map.of());
        Path file = harness.drop("espera.csv", leads(3, "w"));
        Await.until("several attempts", WAIT, () -> harness.sandbox.calls("getchallenge") >= 3);
        assertThat(file).exists();
        assertThat(harness.reports()).isEmpty();
        assertThat(DaemonHarness.files(harness.error())).isEmpty();

        harness.knobs.reset();
        List<Path> reports = harness.awaitReports(1);
        assertThat(Reports.read(reports.get(0), ';')).extracting(r -> r.get("Status")).containsOnly("created");
        Await.until("archived", WAIT, () -> !Files.exists(file));
    }

    @Test
    void sameFileDroppedTwiceCreatesNothingTwice() throws Exception {
        harness.start(Map.of());
        String content = leads(4, "d");
        harness.drop("lunes.csv", content);
        harness.awaitReports(1);
        harness.drop("lunes (copia).csv", content);
        List<Path> reports = harness.awaitReports(2);

        assertThat(harness.sandbox.calls("create")).isEqualTo(4);
        Path second = reports.stream().filter(p -> p.getFileName().toString().startsWith("lunes (copia)")).findFirst().orElseThrow();
        List<Map<String, String>> rows = Reports.read(second, ';');
        // the copy's report still names the leads the first one created, as created
        assertThat(rows).extracting(r -> r.get("Status")).containsOnly("created");
        assertThat(rows).extracting(r -> r.get("LeadID")).doesNotContain("");
        assertThat(rows.get(0).get("Detail")).contains("already processed");
    }

    @Test
    void stopMidFileLeavesItForTheNextStartWhichResumesWithoutRepeating() throws Exception {
        harness.knobs.latency(Duration.ofMillis(40));
        harness.start(Map.of());
        Path file = harness.drop("grande.csv", leads(30, "s"));
        Await.until("some leads created", WAIT, () -> harness.sandbox.calls("create") >= 5);
        harness.stop();
        assertThat(file).exists();
        int createdBeforeStop = harness.sandbox.calls("create");
        assertThat(createdBeforeStop).isLessThan(30);

        harness.knobs.latency(Duration.ZERO);
        harness.start(Map.of());
        Path report = harness.awaitReports(1).get(0);
        List<Map<String, String>> rows = Reports.read(report, ';');
        assertThat(rows).hasSize(30).allMatch(r -> r.get("Status").equals("created"));
        assertThat(rows).filteredOn(r -> r.get("Detail").contains("before an interruption")).hasSize(createdBeforeStop);
        for (int i = 1; i <= 30; i++) {
            assertThat(harness.leadsWithEmail("s" + i + "@example.com")).as("s%d", i).isEqualTo(1);
        }
    }

    @Test
    void crashAfterVtigerCreatedALeadButBeforeItWasJournalledCreatesNothingTwice() throws Exception {
        // the fault: the process dies right after VTiger answered the 3rd create, before anything was recorded
        VtigerCallListener crashing = (operation, outcome, elapsed) -> {
            if (operation.equals("create") && harness.sandbox.calls("create") == 3) {
                throw new SimulatedCrash();
            }
        };
        // no retry within this life: the next attempt is the restart below; one slow create at a time, so that the
        // crash comes exactly after the 3rd and the stop lands in the middle of the file whatever the machine's speed
        harness.knobs.latency(Duration.ofMillis(200));
        harness.start(Map.of("inbox.retry.initial-backoff", "1h", "vtiger.max-concurrency", "1"),
                Clock.systemDefaultZone(), crashing);
        Path file = harness.drop("caida.csv", leads(6, "c"));
        Await.until("the crash", WAIT, () -> harness.sandbox.calls("create") >= 3);
        harness.stop();
        assertThat(file).exists();

        harness.knobs.latency(Duration.ZERO);
        harness.start(Map.of());
        Path report = harness.awaitReports(1).get(0);
        assertThat(Reports.read(report, ';')).extracting(r -> r.get("Status")).containsOnly("created");
        for (int i = 1; i <= 6; i++) {
            assertThat(harness.leadsWithEmail("c" + i + "@example.com")).as("c%d", i).isEqualTo(1);
        }
    }

    @Test
    void deferredLeadsGoOutFirstOnTheNextBusinessDay() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        harness.useFixture(DaemonHarness.fixture().clock(clock).build());
        harness.start(Map.of("allocation.daily-cap", "1", "deferred.check-interval", "100ms"), clock, VtigerCallListener.NONE);
        harness.drop("viernes.csv", leads(5, "f"));
        Path first = harness.awaitReports(1).get(0);
        assertThat(Reports.read(first, ';')).extracting(r -> r.get("Status"))
                .containsExactly("created", "created", "created", "deferred", "deferred");
        Thread.sleep(500);
        assertThat(harness.reports()).as("not offered again the same day only to stay deferred (5 checks later)")
                .containsExactly(first);

        clock.advance(Duration.ofDays(1));
        List<Path> reports = harness.awaitReports(2);
        Path deferredReport = reports.stream().filter(p -> p.getFileName().toString().startsWith("deferred-leads")).findFirst().orElseThrow();
        List<Map<String, String>> rows = Reports.read(deferredReport, ';');
        assertThat(rows).extracting(r -> r.get("Status")).containsExactly("created", "created");
        assertThat(rows.get(0).get("Detail")).contains("deferred on 2026-11-27 from viernes.csv");
        assertThat(harness.sandbox.calls("create")).isEqualTo(5);
    }

    @Test
    void leadsDeferredEarlierTodayByARunAreReleasedWithTheTrueReason() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        harness.useFixture(DaemonHarness.fixture().clock(clock).build());
        Map<String, String> capOne = Map.of("allocation.daily-cap", "1", "deferred.check-interval", "100ms");
        Path csv = harness.root.resolve("manual.csv");
        Files.writeString(csv, leads(5, "m"), StandardCharsets.UTF_8);
        try (org.leadrouter.app.Leadrouter app = org.leadrouter.app.Leadrouter.start(
                org.leadrouter.config.Settings.from(org.leadrouter.config.ConfigSource.of(harness.config(capOne))),
                clock, VtigerCallListener.NONE)) {
            var result = app.distribute(new org.leadrouter.batch.DistributionRequest(csv,
                    org.leadrouter.batch.Mode.APPLY, harness.root.resolve("manual_report.csv")));
            assertThat(result.batch().count(org.leadrouter.batch.RowStatus.DEFERRED)).isEqualTo(2);
        }

        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            harness.start(capOne, clock, VtigerCallListener.NONE);
            Await.until("deferred queue offered", WAIT, () -> log.messages(Level.INFO).stream()
                    .anyMatch(m -> m.startsWith("offering 2 deferred lead(s) again")));
            assertThat(log.messages(Level.INFO)).filteredOn(m -> m.startsWith("offering"))
                    .allSatisfy(m -> assertThat(m).doesNotContain("a new business day").contains("deferred earlier today"));
        }
    }

    @Test
    void inboxFilesAreTakenOldestFirstWhateverTheirDirectoryOrder() throws Exception {
        Files.createDirectories(harness.inbox());
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            // f0 is the newest, f19 the oldest; names and creation order say nothing about age
            Path file = harness.inbox().resolve("f" + i + ".csv");
            Files.writeString(file, HEADER + "Persona Orden" + i + " García;orden" + i + "@example.com;;Salud;28/07/2025;Web\n",
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofMinutes(10 + i))));
        }

        harness.start(Map.of());
        Await.until("all archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 20);

        List<String> order = harness.sandbox.records("Leads").stream().map(l -> l.get("email"))
                .filter(e -> e.startsWith("orden")).toList();
        List<String> oldestFirst = new java.util.ArrayList<>();
        for (int i = 19; i >= 0; i--) {
            oldestFirst.add("orden" + i + "@example.com");
        }
        assertThat(order).containsExactlyElementsOf(oldestFirst);
    }

    /**
     * Stands for the process dying at a chosen point: an Error, as the death of the process is not a failure the
     * code under test handles (the daemon's call listeners keep an exception of theirs from replacing VTiger's answer).
     */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
