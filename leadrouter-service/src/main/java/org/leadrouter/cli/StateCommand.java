package org.leadrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leadrouter state}: the administrator's work on the state database; its subcommands do it. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Works on leadrouter's state database (the journal, the deferred queue, today's rotation).",
        subcommands = {StateCopyCommand.class})
final class StateCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
