package org.leadrouter.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;

/**
 * A sandboxed CRM plus the files and settings of leadrouter runs against it, driven through the command line. As a
 * JUnit extension ({@code @RegisterExtension final Harness h = Harness.perTest(CrmFixtures.academy()::build);})
 * each test gets its own folder and sandbox, stopped and removed after it.
 */
final class Harness implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    static final String HEADER = "Nombre,Email,Teléfono,Curso Interesado,Fecha entrada,Origen del leads";

    private final Supplier<SandboxFixture> fixtureForEachTest;
    VtigerSandbox sandbox;
    /** The faults the sandbox is told to inject; fresh with each sandbox. */
    SandboxKnobs knobs;
    /** The test's folder: its files, reports, configuration and (in {@code state/}) the state. */
    Path dir;
    Path stateDir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final AtomicInteger files = new AtomicInteger();

    private Harness(Supplier<SandboxFixture> fixtureForEachTest) {
        this.fixtureForEachTest = fixtureForEachTest;
    }

    private Harness(VtigerSandbox sandbox, SandboxKnobs knobs, Path dir) throws IOException {
        this.fixtureForEachTest = null;
        init(sandbox, knobs, dir);
    }

    /** The harness as a JUnit extension: a folder and a sandbox of {@code fixture} for each test. */
    static Harness perTest(Supplier<SandboxFixture> fixture) {
        return new Harness(Objects.requireNonNull(fixture, "fixture == null"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        SandboxKnobs fresh = new SandboxKnobs();
        init(VtigerSandbox.start(0, fixtureForEachTest.get(), fresh), fresh, Files.createTempDirectory("leadrouter-it"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void init(VtigerSandbox sandbox, SandboxKnobs knobs, Path dir) throws IOException {
        this.sandbox = sandbox;
        this.knobs = knobs;
        this.dir = dir;
        this.stateDir = Files.createDirectories(dir.resolve("state"));
        settings.clear();
        settings.put("vtiger.url", sandbox.baseUrl().toString());
        settings.put("vtiger.username", CrmFixtures.API_USER);
        settings.put("vtiger.access-key", CrmFixtures.ACCESS_KEY);
        settings.put("vtiger.server-timezone", CrmFixtures.SERVER_ZONE.getId());
        settings.put("vtiger.retry.initial-backoff", "10ms");
        settings.put("vtiger.retry.max-backoff", "50ms");
        settings.put("state.dir", stateDir.toString());
        settings.put("language", "en"); // the tests read the English texts; the Spanish ones have tests of their own
    }

    static Harness start(SandboxFixture fixture, Path dir) throws IOException {
        SandboxKnobs knobs = new SandboxKnobs();
        return new Harness(VtigerSandbox.start(0, fixture, knobs), knobs, dir);
    }

    /** Sets (or with null removes) one configuration key for the next runs. */
    Harness set(String key, String value) {
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return this;
    }

    /** A UTF-8 comma-separated leads file with the usual header and these data lines. */
    Path csv(String... dataLines) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(List.of(dataLines));
        return write("leads_" + files.incrementAndGet() + ".csv", String.join("\r\n", lines) + "\r\n");
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path configFile() throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = dir.resolve("leadrouter-" + files.incrementAndGet() + ".properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        return file;
    }

    Run dryRun(Path csv) throws IOException {
        return run(csv, false);
    }

    Run apply(Path csv) throws IOException {
        return run(csv, true);
    }

    Run run(Path csv, boolean apply) throws IOException {
        Path report = dir.resolve("report_" + files.incrementAndGet() + ".csv");
        List<String> args = new ArrayList<>(List.of("run", csv.toString(), "--output", report.toString(),
                "--config", configFile().toString()));
        if (apply) {
            args.add("--apply");
        }
        return execute(report, args.toArray(String[]::new));
    }

    /** Runs the command line with these arguments; {@code report} is where the report is expected (may not exist). */
    static Run execute(Path report, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString(), report);
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** The outcome of one command line run. */
    record Run(int exitCode, String out, String err, Path reportPath) {

        /** The report's raw text (BOM included). */
        String reportText() throws IOException {
            return Files.readString(reportPath, StandardCharsets.UTF_8);
        }

        /** The report's records, parsed with its header, using {@code delimiter}. */
        List<CSVRecord> report(char delimiter) throws IOException {
            String text = reportText();
            if (!text.startsWith("\uFEFF")) {
                throw new AssertionError("the report has no UTF-8 BOM");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).get();
            try (Reader r = new StringReader(text.substring(1)); CSVParser parser = CSVParser.parse(r, format)) {
                return parser.getRecords();
            }
        }

        List<CSVRecord> report() throws IOException {
            return report(',');
        }

        /** The report line of spreadsheet row {@code row} (the header is row 1). */
        CSVRecord row(int row) throws IOException {
            return report().stream().filter(r -> r.get("Row").equals(Integer.toString(row))).findFirst()
                    .orElseThrow(() -> new AssertionError("no report line for row " + row));
        }

        List<String> column(String name) throws IOException {
            return report().stream().map(r -> r.get(name)).toList();
        }

        /** Everything the run printed, for failure messages. */
        String printed() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
