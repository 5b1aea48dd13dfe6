package org.leadrouter.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.Settings;
import org.leadrouter.batch.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leadrouter run <file> [--apply] [--output <report>]}: the original script's interface. Dry-run by default. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Distributes one file of leads: a CSV or an Excel workbook (.xlsx, .xlsm, .xls). "
                + "Plans only (dry-run) unless --apply is given.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>",
            description = "The file of leads: a CSV, or an Excel workbook (.xlsx, .xlsm, .xls; the first sheet with a known header).")
    private Path input;

    @Option(names = "--apply", description = "Create the leads in VTiger (default: dry-run, nothing is written to the CRM).")
    private boolean apply;

    @Option(names = {"-o", "--output"}, paramLabel = "<report>",
            description = "Where to write the result report, a CSV or (ending in .xlsx) a workbook "
                    + "(default: leads_asignados.csv, or .xlsx with report.format=xlsx).")
    private Path output;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress while the leads are being created.")
    private boolean quiet;

    @CommandLine.Mixin
    private ConfigOption config;

    @Override
    public Integer call() {
        CamelConfiguration configuration;
        Settings settings;
        try {
            configuration = config.load(System.getenv());
            settings = configuration.settings();
            LogFormat.apply(settings.source());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ConfigOption.warnAboutVariables(configuration);
        KeyOrigin.warnIfExposed(settings.source());
        Path report = output != null ? output
                : Path.of("leads_asignados." + settings.report().format().extension());
        ProgressDisplay progress = ProgressDisplay.choose(quiet, System.console() != null,
                spec.commandLine().getErr());
        return OneShotRun.execute(configuration.newMain(), settings, input, apply ? Mode.APPLY : Mode.DRY_RUN, report,
                spec.commandLine().getOut(), spec.commandLine().getErr(), progress);
    }
}
