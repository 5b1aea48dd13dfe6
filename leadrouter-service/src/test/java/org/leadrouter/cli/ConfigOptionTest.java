package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code --config} means the same in every command that reads the configuration. */
class ConfigOptionTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"run", "daemon", "check"})
    void aMissingConfigurationFileStopsEveryCommandWithExit2NamingTheFile(String command) {
        Path missing = dir.resolve("nowhere.properties");
        String[] args = command.equals("run")
                ? new String[] {"run", dir.resolve("leads.csv").toString(), "--config", missing.toString()}
                : new String[] {command, "--config", missing.toString()};

        int exit = execute(args);

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(missing.toString()).contains("does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "daemon", "check"})
    void everyCommandDescribesTheSameSearchForTheFile(String command) {
        execute(command, "--help");

        // picocli wraps long lines where it likes: compare without the white space
        assertThat(out.toString().replaceAll("\\s+", ""))
                .contains("--config=<file>Propertiesfile(default:$LEADROUTER_CONFIG,then./conf/leadrouter.properties,"
                        + "then/etc/leadrouter/leadrouter.properties).");
    }

    private int execute(String... args) {
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
