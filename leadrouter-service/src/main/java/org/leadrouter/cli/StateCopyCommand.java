package org.leadrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.StateSettings;
import org.leadrouter.state.StateCopy;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code leadrouter state copy}: moves the embedded H2 state of {@code state.dir} into an empty PostgreSQL database,
 * for a move to a high-availability pair. The password is read as the state's always is, never from an argument.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copies the embedded H2 state of state.dir (journal, deferred queue, today's rotation, the page's"
                + " data, the mirror of CRM keys) into an empty PostgreSQL database, which it first migrates to this"
                + " version's schema. One transaction: all of it is copied or nothing. The H2 state is left as it was.",
                "The password is read as for the state: LEADROUTER_STATE_PASSWORD, state.password-file or the systemd"
                        + " credential state-password (never an argument). Stop the daemon first.",
                "Exit codes: 0 copied; 2 refused, nothing changed (the target holds a state, the H2 state is in use"
                        + " or missing, the schema versions differ) or a configuration problem; 4 a database failure"
                        + " (nothing copied)."})
final class StateCopyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @Option(names = "--to-url", required = true, paramLabel = "<jdbc-url>",
            description = "The PostgreSQL database to copy into, e.g. jdbc:postgresql://db.example.com:5432/leadrouter.")
    private String toUrl;

    @Option(names = "--to-username", required = true, paramLabel = "<user>",
            description = "The PostgreSQL user that will own leadrouter's tables (state.username).")
    private String toUsername;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return copy(out, err, System.getenv());
        } catch (ConfigException | StateCopy.Refused e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (StateException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int copy(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CamelConfiguration configuration = config.load(environment);
        Path dir = configuration.settings().stateDir();
        StateSettings target = StateSettings.postgresql(configuration.source(), dir, toUrl, toUsername);
        if (!Files.isRegularFile(dir.resolve(StateDatabase.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            err.println("error: there is no embedded state in " + dir.toAbsolutePath() + " (no " + StateDatabase.FILE_NAME
                    + "): check state.dir; nothing was copied");
            return ExitCode.USAGE;
        }
        StateCopy.Result result;
        String where;
        try (StateDatabase from = openSource(dir); StateDatabase to = StateDatabase.open(target)) {
            result = StateCopy.copy(from, to);
            where = to.description();
            out.println("Copied the state from " + from.description() + " to " + where + " (schema version "
                    + result.schemaVersion() + "):");
        }
        result.rows().forEach((table, rows) -> out.printf("  %-14s %8d rows%n", table, rows));
        out.printf("  %-14s %8d rows%n", "total", result.total());
        if (!result.sequences().isEmpty()) {
            out.println("Identity sequences set past the copied ids: " + String.join(", ", result.sequences()));
        }
        out.println("Next: set state.url and state.username in the configuration to those of " + where + ", then start"
                + " the daemon. The H2 state in " + dir.toAbsolutePath() + " is left in place: keep it until the daemon"
                + " runs well on PostgreSQL.");
        return ExitCode.OK;
    }

    /** The H2 state, refused while a daemon (or a run) holds it: its journal would go on changing after the copy. */
    private static StateDatabase openSource(Path dir) {
        try {
            return StateDatabase.open(dir);
        } catch (ConfigException e) {
            if (StateDatabase.inUse(e)) {
                throw new StateCopy.Refused("the state in " + dir.toAbsolutePath() + " is in use by a running leadrouter"
                        + " (the daemon, or a run): stop it (systemctl stop leadrouter), then copy again; nothing was"
                        + " copied");
            }
            throw e;
        }
    }
}
