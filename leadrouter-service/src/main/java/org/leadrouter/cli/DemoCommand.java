package org.leadrouter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.batch.Mode;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.leadrouter.i18n.Messages;

/**
 * {@code leadrouter demo}: the whole job against the embedded VTiger sandbox, with a bundled sample file
 * (or your own), so a newcomer sees a real run without a CRM.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole distribution against an embedded VTiger sandbox (nothing outside this process is touched).")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_USER = "admin";
    static final String DEMO_KEY = "sandbox-demo-key";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<file>",
            description = "A file of leads, a CSV or an Excel workbook (default: the bundled sample).")
    private Path input;

    @Option(names = "--dry-run", description = "Only plan; by default the demo creates the leads in the sandbox.")
    private boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "<report>", defaultValue = "leads_demo_asignados.csv",
            description = "Where to write the result report (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("leadrouter-demo");
        SandboxFixture fixture = SandboxFixture.demo();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            Path leads = input != null ? input : extractSample(work);
            Map<String, String> config = new LinkedHashMap<>(DEMO_ROUTING);
            config.put("availability.absences-file", demoAbsences(work).toString());
            config.put("vtiger.url", sandbox.baseUrl().toString());
            config.put("vtiger.username", DEMO_USER);
            config.put("vtiger.access-key", DEMO_KEY);
            config.put("vtiger.server-timezone", fixture.serverTimezone().getId());
            config.put("state.dir", work.resolve("state").toString());
            Settings settings = Settings.from(ConfigSource.of(config));
            Messages.use(settings.language());
            spec.commandLine().getOut().println(Messages.t("demo.sandbox-listening", sandbox.baseUrl().toString()));
            spec.commandLine().getOut().println(Messages.t("demo.routing"));
            int exit = OneShotRun.execute(CamelConfiguration.plainMain(), settings, leads, dryRun ? Mode.DRY_RUN : Mode.APPLY, output,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            spec.commandLine().getOut().println(Messages.t("demo.sandbox-holds", sandbox.records("Leads").size()));
            return exit;
        } finally {
            deleteRecursively(work);
        }
    }

    /** The example of docs/routing.md: nursing courses to two advisors, fairs to one, a senior of weight 2, one absence. */
    private static final Map<String, String> DEMO_ROUTING = Map.of(
            "routing.pool.sanidad", "asesor.ana,asesor.luis",
            "routing.pool.eventos", "asesor.marta",
            "routing.rule.1.course", "Enfermería|Auxiliar de Enfermería|Salud",
            "routing.rule.1.pool", "sanidad",
            "routing.rule.2.source", "Feria*",
            "routing.rule.2.pool", "eventos",
            "allocation.weight.asesor.juan", "2");
    private static Path demoAbsences(Path work) throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
        return Files.writeString(work.resolve("ausencias.csv"), "Asesor;Desde;Hasta;Motivo\r\nasesor.luis;"
                + today.minusDays(2) + ";" + today.plusDays(5) + ";Vacaciones\r\n", StandardCharsets.UTF_8);
    }

    private static Path extractSample(Path work) throws IOException {
        Path sample = work.resolve("leads_demo.csv");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/leads_demo.csv")) {
            if (in == null) {
                throw new IOException("the bundled sample /demo/leads_demo.csv is missing from the jar");
            }
            Files.copy(in, sample);
        }
        return sample;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
