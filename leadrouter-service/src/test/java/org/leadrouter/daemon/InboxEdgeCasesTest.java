package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import picocli.CommandLine;

/** Hard links, private content of rejected files, clocks ahead, a taken management port, a busy state. */
class InboxEdgeCasesTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final String SECRET_LINE = "root:$6$Zq7xK2pL$Wv4BnM8rT1yQ0sHgJcXeUaKd9oP3iL5fV7bN2mC6xZ1:19000:0:99999:7:::";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void aHardLinkToAPrivateFileIsRefusedUnreadAndTheFileKeepsItsRights() throws Exception {
        Path secret = Files.writeString(harness.root.resolve("private.csv"), HEADER
                + "Juan Pérez;juan.hidden@example.com;600123456;Salud;28/07/2025;Portales\n" + SECRET_LINE + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(harness.inbox());
        Files.createLink(harness.inbox().resolve("leads.csv"), secret);
        harness.start(Map.of());

        Path explanation = harness.error().resolve("leads.csv.error.txt");
        Await.until("the link rejected", Duration.ofSeconds(30), () -> Files.exists(explanation));

        String text = Files.readString(explanation, StandardCharsets.UTF_8);
        assertThat(text).contains("hard links").contains("Nothing from this file was sent").doesNotContain("$6$")
                .doesNotContain("juan.hidden");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(harness.leadsWithEmail("juan.hidden@example.com")).isZero();
    }

    @Test
    void aRejectedFileIsNotQuotedBackInItsExplanation() throws Exception {
        harness.start(Map.of());
        harness.drop("passwd.csv", SECRET_LINE + "\ndaemon:*:19000:0:99999:7:::\n");

        Path explanation = harness.error().resolve("passwd.csv.error.txt");
        Await.until("the file rejected", Duration.ofSeconds(30), () -> Files.exists(explanation));

        String text = Files.readString(explanation, StandardCharsets.UTF_8);
        assertThat(text).contains("not a header").doesNotContain("$6$").doesNotContain("root").doesNotContain("19000");
    }

    @Test
    void aFileDatedInTheFutureIsSaidOnceAndTakenWhenItsSizeIsStable() throws Exception {
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            harness.start(Map.of("inbox.stable-time", "1s"));
            Path file = harness.drop("adelantado.csv",
                    HEADER + "Juan Pérez;juan.future@example.com;600123456;Salud;28/07/2025;Portales\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(Duration.ofHours(2))));

            Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));

            assertThat(harness.leadsWithEmail("juan.future@example.com")).isEqualTo(1);
            assertThat(log.messages(Level.WARN).stream().filter(m -> m.contains("modification time is in the future")))
                    .hasSize(1);
        }
    }

    @Test
    void aTakenManagementPortFailsTheStartWithExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = new HashMap<>(harness.config(Map.of()));
            settings.put("management.port", String.valueOf(taken.getLocalPort()));

            Result result = daemonCommand(settings);

            assertThat(result.exit()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).contains("management.port").contains("already in use");
        }
    }

    private record Result(int exit, String err) {
    }

    private Result daemonCommand(Map<String, String> settings) throws Exception {
        Path config = harness.configFile("second.properties", settings);
        StringWriter err = new StringWriter();
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("daemon", "--config", config.toString());
        return new Result(exit, err.toString());
    }

}
