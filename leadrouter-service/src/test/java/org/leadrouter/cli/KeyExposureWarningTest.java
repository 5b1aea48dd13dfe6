package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.LogCapture;
import picocli.CommandLine;

/** {@code run} and {@code daemon} warn once at start when the access key sits in a file others can read. */
class KeyExposureWarningTest {
    private static final String KEY = "sandbox-demo-key";

    @TempDir
    Path dir;
    private VtigerSandbox sandbox;
    private LogCapture log;
    private final StringWriter out = new StringWriter();
    private Path csv;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        sandbox = VtigerSandbox.start(0, SandboxFixture.demo());
        log = LogCapture.of("org.leadrouter");
        csv = Files.writeString(dir.resolve("leads.csv"), "Nombre;Email\nAna Ruiz;ana.ruiz@example.com\n");
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            log.close();
            sandbox.close();
        }
    }

    @Test
    void runWarnsOnceWhenTheConfigurationFileHoldingTheKeyIsReadableByEveryone() throws IOException {
        Path config = config("vtiger.access-key=" + KEY, "rw-r--r--");

        int exit = execute("run", csv.toString(), "--output", dir.resolve("out.csv").toString(), "--config", config.toString());

        assertThat(exit).as(out.toString()).isZero();
        List<String> warnings = warningsAboutTheKey();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(config.toString()).contains("readable by everyone").contains("chmod 600 " + config);
        assertTheKeyNeverShows();
    }

    @Test
    void runWarnsWhenTheKeyFileIsReadableByItsGroup() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("access-key"), KEY + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        Path config = config("vtiger.access-key-file=" + keyFile, "rw-r--r--");

        execute("run", csv.toString(), "--output", dir.resolve("out.csv").toString(), "--config", config.toString());

        assertThat(warningsAboutTheKey()).singleElement().asString()
                .contains(keyFile.toString()).contains("readable by its group").contains("chmod 600 " + keyFile);
        assertTheKeyNeverShows();
    }

    @Test
    void runSaysNothingWhenOnlyTheOwnerCanReadTheKey() throws IOException {
        Path config = config("vtiger.access-key=" + KEY, "rw-------");

        execute("run", csv.toString(), "--output", dir.resolve("out.csv").toString(), "--config", config.toString());

        assertThat(warningsAboutTheKey()).isEmpty();
    }

    @Test
    void daemonWarnsAtStartBeforeAnythingElse() throws IOException {
        Files.writeString(dir.resolve("inbox"), "a file where the inbox should be"); // the start fails right after
        Path config = config("vtiger.access-key=" + KEY + "\npaths.inbox=" + dir.resolve("inbox")
                + "\nmanagement.enabled=false", "rw-rw-r--");

        int exit = execute("daemon", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(warningsAboutTheKey()).singleElement().asString().contains(config.toString()).contains("chmod 600");
        assertTheKeyNeverShows();
    }

    private List<String> warningsAboutTheKey() {
        return log.messages(Level.WARN).stream().filter(m -> m.contains("access key")).toList();
    }

    private void assertTheKeyNeverShows() {
        assertThat(out.toString()).doesNotContain(KEY);
        assertThat(log.messages(Level.WARN)).noneMatch(m -> m.contains(KEY));
        assertThat(log.messages(Level.INFO)).noneMatch(m -> m.contains(KEY));
    }

    private int execute(String... args) {
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private Path config(String keyLines, String permissions) throws IOException {
        Path config = dir.resolve("leadrouter.properties");
        Files.writeString(config, String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(),
                "vtiger.username=admin",
                keyLines,
                "vtiger.retry.attempts=1",
                "state.dir=" + dir.resolve("state"),
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString(permissions));
        return config;
    }
}
