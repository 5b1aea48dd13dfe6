package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * The daemon against what people and programs really drop into an inbox: fifty files at once, the same lead in two
 * files, a file deleted or renamed mid-way, awkward names, a workbook, an oversized, an empty file, a FIFO and a
 * folder. Nothing crashes the daemon and nothing is created twice.
 */
class HostileInboxTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();
    private LogCapture log;

    @BeforeEach
    void sandbox() throws Exception {
        log = LogCapture.of("org.leadrouter");
    }

    @AfterEach
    void cleanUp() throws Exception {
        log.close();
    }

    private static String lead(String id) {
        return "Persona " + id + " García;" + id + "@example.com;;Salud;28/07/2025;Portales\n";
    }

    @Test
    void fiftyFilesDroppedAtOnceAreTakenOneAtATimeAndTheLoadsStayBalancedUnderTheCap() throws Exception {
        // the file each create VTiger receives comes from, in the order they arrive (several may be in flight at once)
        List<String> filesOfCreates = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.regex.Pattern source = java.util.regex.Pattern.compile("desde (lote-\\d+\\.csv), fila");
        harness.knobs.rejectCreates(element -> {
            java.util.regex.Matcher m = source.matcher(element.getOrDefault("description", ""));
            filesOfCreates.add(m.find() ? m.group(1) : "?");
            return false;
        }, "UNUSED", "never");
        harness.start(Map.of("allocation.daily-cap", "30"), Clock.systemDefaultZone(), VtigerCallListener.NONE);
        for (int f = 1; f <= 50; f++) {
            harness.drop(String.format("lote-%02d.csv", f), HEADER + lead("f" + f + "a") + lead("f" + f + "b"));
        }

        Await.until("50 reports", Duration.ofSeconds(120), () -> reportsOf("lote-").size() == 50);
        Await.until("50 archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 50);

        assertThat(DaemonHarness.files(harness.inbox())).isEmpty();
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
        Map<String, Integer> statuses = new HashMap<>();
        for (Path report : reportsOf("lote-")) {
            for (Map<String, String> row : Reports.read(report, ';')) {
                statuses.merge(row.get("Status"), 1, Integer::sum);
            }
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("created", 90, "deferred", 10));
        Map<String, Long> loads = new HashMap<>();
        harness.sandbox.records("Leads").stream().filter(r -> r.get("email").startsWith("f"))
                .forEach(r -> loads.merge(r.get("assigned_user_id"), 1L, Long::sum));
        assertThat(loads).hasSize(3).allSatisfy((advisor, load) -> assertThat(load).isEqualTo(30));
        // one file at a time: once the creates of a file end, none of that file comes again
        List<String> runs = new java.util.ArrayList<>();
        for (String file : filesOfCreates) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(file)) {
                runs.add(file);
            }
        }
        assertThat(runs).as("one file at a time").doesNotHaveDuplicates().doesNotContain("?");
        assertThat(log.messages(Level.ERROR)).isEmpty();
    }

    @Test
    void theSameLeadInTwoFilesIsCreatedOnceAndTheSecondNamesTheCrmRecord() throws Exception {
        harness.start(Map.of());
        harness.drop("portal-a.csv", HEADER + lead("comun") + lead("solo-a"));
        harness.drop("portal-b.csv", HEADER + lead("solo-b") + "Otra Persona;COMUN@example.com;;Salud;28/07/2025;SEO\n");
        List<Path> reports = harness.awaitReports(2);

        assertThat(harness.leadsWithEmail("comun@example.com")).isEqualTo(1);
        String leadId = harness.sandbox.records("Leads").stream().filter(r -> "comun@example.com".equals(r.get("email")))
                .findFirst().orElseThrow().get("id");
        // both went in together: whichever was taken first created the lead, the other names it
        Map<String, String> inA = rowFor(report(reports, "portal-a"), "comun@example.com");
        Map<String, String> inB = rowFor(report(reports, "portal-b"), "COMUN@example.com");
        Map<String, String> first = inA.get("Status").equals("created") ? inA : inB;
        Map<String, String> second = first == inA ? inB : inA;
        assertThat(first.get("LeadID")).isEqualTo(leadId);
        assertThat(second.get("Status")).isEqualTo("duplicate");
        assertThat(second.get("Detail")).contains(leadId);
    }

    @Test
    void aFileDeletedWhileBeingProcessedIsReportedAndForgottenAndTheNextFileGoesThrough() throws Exception {
        Path victim = harness.inbox().resolve("borrado.csv");
        harness.start(ONE_CREATE_AT_A_TIME, Clock.systemDefaultZone(), onSecondCreate(() -> delete(victim)));
        harness.drop("borrado.csv", HEADER + lead("d1") + lead("d2") + lead("d3") + lead("d4"));
        Path report = harness.awaitReports(1).get(0);

        assertThat(Reports.read(report, ';')).extracting(r -> r.get("Status")).containsOnly("created").hasSize(4);
        Await.until("the warning", WAIT, () -> log.messages(Level.WARN).stream().anyMatch(m -> m.contains("disappeared")));
        harness.drop("siguiente.csv", HEADER + lead("n1"));
        harness.awaitReports(2);
        Await.until("the next file archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 1);

        assertThat(DaemonHarness.files(harness.archive()).get(0).getFileName().toString()).isEqualTo("siguiente.csv");
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
        assertThat(harness.sandbox.calls("create")).isEqualTo(5);
        assertThat(log.messages(Level.ERROR)).isEmpty();
    }

    @Test
    void aFileRenamedWhileBeingProcessedComesRoundAsAlreadyProcessedAndNothingIsCreatedTwice() throws Exception {
        Path original = harness.inbox().resolve("renombrar.csv");
        harness.start(ONE_CREATE_AT_A_TIME, Clock.systemDefaultZone(),
                onSecondCreate(() -> move(original, original.resolveSibling("renombrado.csv"))));
        harness.drop("renombrar.csv", HEADER + lead("r1") + lead("r2") + lead("r3"));
        List<Path> reports = harness.awaitReports(2);
        Await.until("the renamed file archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 1);

        assertThat(Reports.read(report(reports, "renombrar"), ';')).extracting(r -> r.get("Status")).containsOnly("created");
        List<Map<String, String>> again = Reports.read(report(reports, "renombrado"), ';');
        assertThat(again).extracting(r -> r.get("Status")).containsOnly("created").hasSize(3);
        assertThat(again.get(0).get("Detail")).contains("already processed");
        assertThat(DaemonHarness.files(harness.archive()).get(0).getFileName().toString()).isEqualTo("renombrado.csv");
        for (String id : List.of("r1", "r2", "r3")) {
            assertThat(harness.leadsWithEmail(id + "@example.com")).isEqualTo(1);
        }
        assertThat(log.messages(Level.ERROR)).isEmpty();
    }

    @Test
    void namesWithSpacesAccentsANewlineOr250CharactersAreProcessedUnderSafeNames() throws Exception {
        String longName = "x".repeat(246) + ".csv";
        harness.start(Map.of());
        harness.drop("leads de José Muñoz ñ.csv", HEADER + lead("n-acentos"));
        harness.drop("salto\nde línea.csv", HEADER + lead("n-salto"));
        harness.drop(longName, HEADER + lead("n-largo"));
        List<Path> reports = harness.awaitReports(3);
        Await.until("all three archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 3);
        // the same long name again, and once more as something that can never succeed: numbered and explained
        harness.drop(longName, HEADER + lead("n-largo-2"));
        Await.until("four archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 4);
        harness.drop(longName, new byte[0]);
        // kept under a shorter name, so that its explanation's name fits too: awaited by the explanation, not a count
        Await.until("the empty one in error/ with its reason", WAIT, () -> DaemonHarness.files(harness.error()).stream()
                .map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).filter(n -> n.endsWith(".error.txt")).count() == 1
                && DaemonHarness.files(harness.error()).size() == 2);

        List<String> archived = DaemonHarness.files(harness.archive()).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(archived).contains("leads de José Muñoz ñ.csv", "salto_de línea.csv", longName,
                "x".repeat(246) + "-2.csv");
        List<String> errors = DaemonHarness.files(harness.error()).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(errors).hasSize(2).anySatisfy(n -> assertThat(n).endsWith(".csv.error.txt"));
        assertThat(Files.readString(DaemonHarness.files(harness.error()).stream()
                .filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElseThrow())).contains("empty");
        for (Path p : concat(harness.reports(), DaemonHarness.files(harness.archive()), DaemonHarness.files(harness.error()))) {
            String name = p.getFileName().toString();
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(255);
            assertThat(name.chars().noneMatch(Character::isISOControl)).as(name).isTrue();
        }
        assertThat(reports).extracting(p -> p.getFileName().toString())
                .anySatisfy(n -> assertThat(n).startsWith("salto_de línea_").endsWith("_report.csv"));
        assertThat(DaemonHarness.files(harness.inbox())).isEmpty();
        assertThat(harness.sandbox.calls("create")).isEqualTo(4);
        assertThat(log.messages(Level.ERROR)).isEmpty();
    }

    @Test
    void aWorkbookAnOversizedAndAnEmptyFileGoToErrorSayingWhatToDo() throws Exception {
        harness.start(Map.of("input.max-bytes", "1KB"));
        harness.drop("leads.xlsx", workbook());
        harness.drop("enorme.csv", HEADER + lead("big").repeat(40));
        harness.drop("vacio.csv", new byte[0]);
        harness.awaitRejected("leads.xlsx", "enorme.csv", "vacio.csv");
        assertThat(DaemonHarness.files(harness.error())).hasSize(6);

        assertThat(Files.readString(harness.error().resolve("leads.xlsx.error.txt")))
                .contains("Excel workbook is damaged or incomplete").contains("download or export it again")
                .contains("Save As");
        assertThat(Files.readString(harness.error().resolve("enorme.csv.error.txt")))
                .containsPattern("the file is [\\d.]+ KB, larger than the 1 KB");
        assertThat(Files.readString(harness.error().resolve("vacio.csv.error.txt"))).contains("empty (0 bytes)");
        assertThat(harness.reports()).isEmpty();
        assertThat(harness.sandbox.calls("create")).isZero();
    }

    @Test
    void aFifoAndAFolderNamedLikeACsvAreLeftAlone() throws Exception {
        Files.createDirectories(harness.inbox());
        Path fifo = harness.inbox().resolve("tubo.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Path folder = Files.createDirectory(harness.inbox().resolve("x.csv"));
        Files.writeString(folder.resolve("dentro.csv"), HEADER + lead("dentro"));
        harness.start(Map.of());
        harness.drop("normal.csv", HEADER + lead("normal"));
        harness.awaitReports(1);
        Await.until("archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 1);
        harness.drop("otro.csv", HEADER + lead("otro"));
        harness.awaitReports(2);

        assertThat(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(folder.resolve("dentro.csv")).exists();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
        assertThat(harness.sandbox.calls("create")).isEqualTo(2);
        assertThat(log.messages(Level.ERROR)).isEmpty();
    }

    /** So that "the second create" is the second row's, not whichever of several in flight counts second. */
    private static final Map<String, String> ONE_CREATE_AT_A_TIME = Map.of("vtiger.max-concurrency", "1");

    /** A listener that runs {@code action} once, right after VTiger answered the second create. */
    private VtigerCallListener onSecondCreate(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return (operation, outcome, elapsed) -> {
            if (operation.equals("create") && harness.sandbox.calls("create") == 2 && done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private static void delete(Path p) {
        io(p, Files::delete);
    }

    private static void move(Path from, Path to) {
        io(from, p -> Files.move(p, to));
    }

    private interface IoAction {
        void run(Path p) throws IOException;
    }

    private static void io(Path p, IoAction action) {
        try {
            action.run(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> reportsOf(String prefix) {
        return harness.reports().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }

    private static Path report(List<Path> reports, String prefix) {
        return reports.stream().filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst().orElseThrow();
    }

    private static Map<String, String> rowFor(Path report, String email) throws IOException {
        return Reports.read(report, ';').stream().filter(r -> email.equals(r.get("Email"))).findFirst().orElseThrow();
    }

    @SafeVarargs
    private static List<Path> concat(List<Path>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** A damaged .xlsx: a ZIP with the names of the parts Excel writes first, but not their content. */
    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String part : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
