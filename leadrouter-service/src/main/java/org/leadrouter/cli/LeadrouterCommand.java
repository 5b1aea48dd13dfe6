package org.leadrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code leadrouter} command: its subcommands do the work. */
@Command(name = "leadrouter", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Distributes sales leads from CSV files and Excel workbooks fairly among the active advisors of a VTiger CRM 8.1.",
        subcommands = {RunCommand.class, DaemonCommand.class, CheckCommand.class, StateCommand.class, DemoCommand.class,
                SandboxCommand.class,
                CommandLine.HelpCommand.class})
public final class LeadrouterCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with leadrouter's error handling: usage errors exit 2, as documented; anything a command lets
     * escape is judged like any failure ({@link ExitCode#of}), so a fault of leadrouter's exits 4 with an incident id.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LeadrouterCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> ExitCode.of(e, commandLine.getErr()));
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
