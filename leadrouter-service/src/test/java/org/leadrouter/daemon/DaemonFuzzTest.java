package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.config.InputLimits;
import org.leadrouter.csv.LeadCsvReader;
import org.leadrouter.csv.LeadCsvReaderFuzzTest;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.Reports;

/**
 * Random bytes and random odd-but-valid CSVs dropped into the inbox of a running daemon (apply mode): each ends
 * archived with exactly one report of as many rows as the file has, or in error/ with its explanation; the daemon
 * keeps going and writes nowhere but its folders and state. The seed ({@code -Dfuzz.seed=}) and counts are printed.
 */
class DaemonFuzzTest {
    private static final int FILES = 40;
    private static final InputLimits LIMITS = new InputLimits(50L * 1024 * 1024, 100_000);

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

    @Test
    void everyFileEndsArchivedWithItsReportOrRejectedWithItsReasonAndTheDaemonGoesOn() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, Optional<Integer>> dropped = new LinkedHashMap<>(); // name -> rows, when generated as a valid CSV
        harness.start(Map.of());
        int randomBytes = 0;
        for (int i = 0; i < FILES; i++) {
            String name = String.format("fuzz-%02d.csv", i);
            if (random.nextBoolean()) {
                byte[] content = random.nextInt(3) == 0 ? randomBytes(random) : LeadCsvReaderFuzzTest.tokenSoup(random, 16 * 1024);
                harness.drop(name, content);
                dropped.put(name, Optional.empty());
                randomBytes++;
            } else {
                LeadCsvReaderFuzzTest.GeneratedCsv csv = LeadCsvReaderFuzzTest.generate(random, random.nextInt(25));
                harness.drop(name, csv.content());
                dropped.put(name, Optional.of(csv.expected().size()));
            }
        }

        Await.until("every input archived or rejected", Duration.ofSeconds(120),
                () -> DaemonHarness.files(harness.inbox()).isEmpty() && inputsFinished() == FILES);

        int archived = 0;
        int rows = 0;
        for (Map.Entry<String, Optional<Integer>> input : dropped.entrySet()) {
            String name = input.getKey();
            Optional<Path> kept = find(harness.archive(), name);
            List<Path> reports = reportsOf(name);
            if (kept.isPresent()) {
                archived++;
                assertThat(reports).as("the one report of %s (seed %d)", name, seed).hasSize(1);
                int expected = rowsRead(kept.get());
                List<Map<String, String>> reported = Reports.read(reports.get(0), delimiterOf(reports.get(0)));
                assertThat(reported).as("rows of %s (seed %d)", name, seed).hasSize(expected);
                input.getValue().ifPresent(generated -> assertThat(expected).isEqualTo(generated));
                rows += expected;
            } else {
                assertThat(input.getValue()).as("%s is a valid CSV yet was rejected (seed %d)", name, seed).isEmpty();
                assertThat(harness.error().resolve(name)).exists();
                assertThat(harness.error().resolve(name + ".error.txt")).isNotEmptyFile();
                assertThat(reports).isEmpty();
            }
        }
        assertThat(harness.running()).isTrue();
        harness.drop("despues.csv", "Nombre;Email\nAna Final;ana.final@example.com\n");
        Await.until("a file after the fuzz", Duration.ofSeconds(30), () -> !reportsOf("despues.csv").isEmpty());
        assertThat(log.messages(Level.ERROR)).as("seed %d", seed).isEmpty();
        assertThat(writtenOutsideItsFolders()).as("seed %d", seed).isEmpty();
        System.out.printf("daemon fuzz: %d inputs tried (%d random bytes, %d generated CSVs): %d archived with %d rows,"
                + " %d rejected; seed %d%n", FILES, randomBytes, FILES - randomBytes, archived, rows, FILES - archived, seed);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(8 * 1024)];
        random.nextBytes(bytes);
        return bytes;
    }

    private long inputsFinished() {
        long archived = DaemonHarness.files(harness.archive()).size();
        long rejected = DaemonHarness.files(harness.error()).stream().filter(p -> !p.toString().endsWith(".error.txt")).count();
        return archived + rejected;
    }

    private static Optional<Path> find(Path folder, String name) {
        return DaemonHarness.files(folder).stream().filter(p -> p.getFileName().toString().equals(name)).findFirst();
    }

    private List<Path> reportsOf(String inputName) {
        String stem = inputName.substring(0, inputName.lastIndexOf('.')) + "_";
        return harness.reports().stream().filter(p -> p.getFileName().toString().startsWith(stem)).toList();
    }

    /** What the reader makes of the archived file is the row count its report must have. */
    private static int rowsRead(Path file) throws IOException {
        try {
            return new LeadCsvReader(LIMITS).read(Files.readAllBytes(file), file.getFileName().toString()).rows().size();
        } catch (UnreadableFileException e) {
            throw new AssertionError(file + " was archived but cannot be read: " + e.getMessage(), e);
        }
    }

    /** The report keeps the input's delimiter: the one found in its header line. */
    private static char delimiterOf(Path report) throws IOException {
        String header = Files.readString(report).lines().findFirst().orElse("");
        return header.contains("Nombre;") ? ';' : header.contains("Nombre\t") ? '\t' : ',';
    }

    private List<Path> writtenOutsideItsFolders() throws IOException {
        List<Path> allowed = List.of(harness.inbox(), harness.outbox(), harness.archive(), harness.error(), harness.root.resolve("state"));
        List<Path> stray = new ArrayList<>();
        try (Stream<Path> all = Files.walk(harness.root)) {
            for (Path p : all.toList()) {
                boolean inside = allowed.stream().anyMatch(p::startsWith);
                boolean parent = allowed.stream().anyMatch(a -> a.startsWith(p));
                if (!inside && !parent) {
                    stray.add(p);
                }
            }
        }
        try (Stream<Path> outbox = Files.list(harness.outbox())) {
            // temporary reports left; the running daemon's live mark of its deferred queue (LiveQueues) is expected
            outbox.filter(p -> p.getFileName().toString().startsWith(".") && !p.getFileName().toString().endsWith(".alive"))
                    .forEach(stray::add);
        }
        return stray;
    }
}
