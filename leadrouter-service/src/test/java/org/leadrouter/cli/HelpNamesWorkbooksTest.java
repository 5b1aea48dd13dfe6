package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;
import picocli.CommandLine;

/** The help and errors of the commands that take a file of leads: a CSV or an Excel workbook, in the team's words. */
class HelpNamesWorkbooksTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo"})
    void helpOfACommandTakingLeadsNamesWorkbooks(String command) {
        execute(command, "--help");

        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("CSV or an Excel workbook").contains("<file>").doesNotContain("<csv>");
    }

    @Test
    void topLevelHelpNamesWorkbooks() {
        execute("--help");

        assertThat(out.toString().replaceAll("\\s+", " ")).contains("CSV files and Excel workbooks");
    }

    @Test
    void aMissingInputSaysAWorkbookWouldDoToo() throws IOException {
        try {
            Path missing = dir.resolve("leads.xlsx");
            Path config = dir.resolve("leadrouter.properties");
            writeConfig(config);

            int exit = execute("run", missing.toString(), "--config", config.toString());

            assertThat(exit).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains(missing.toString())
                    .contains("no existe o no se puede leer (se espera un CSV o un libro de Excel");
        } finally {
            Messages.use(Language.ES);
        }
    }

    @Test
    void aReportThatWouldReplaceTheInputIsRefusedInSpanish() throws IOException {
        Path leads = Files.writeString(dir.resolve("leads.csv"), "Nombre,Email\r\nAna Gómez,ana@ejemplo.com\r\n");
        Path config = dir.resolve("leadrouter.properties");
        writeConfig(config);

        int exit = execute("run", leads.toString(), "--output", leads.toString(), "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("error: el informe " + leads + " sustituiría al archivo de entrada: elija"
                + " otro --output");
    }

    private void writeConfig(Path config) throws IOException {
        Files.writeString(config, String.join("\n",
                "vtiger.url=http://127.0.0.1:9/", "vtiger.username=admin", "vtiger.access-key=k",
                "state.dir=" + dir.resolve("state"), "language=es", ""));
    }

    private int execute(String... args) {
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
