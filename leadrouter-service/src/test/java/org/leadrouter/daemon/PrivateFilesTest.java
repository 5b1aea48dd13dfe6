package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.testing.Await;

/**
 * Everything the daemon and {@code run} write that holds personal data is private to the service's user and group:
 * reports, archived and rejected inputs, explanations, the state; folders it makes are rwxr-x---.
 */
class PrivateFilesTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @BeforeEach
    void sandbox() throws Exception {
        Assumptions.assumeTrue(harness.root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void reportsArchivedAndRejectedFilesAndTheStateAreReadableByTheGroupOnly() throws Exception {
        harness.start(Map.of());
        Path good = harness.drop("julio.csv", HEADER + "Juan Pérez;juan.privado@example.com;600123456;Salud;28/07/2025;SEO\n");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path report = harness.awaitReports(1).get(0);
        Await.until("archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == 1);
        Path bad = harness.drop("informe.csv", "%PDF-1.7 binary".getBytes(StandardCharsets.ISO_8859_1));
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-rw-r--"));
        harness.awaitRejected("informe.csv");

        assertThat(mode(report)).isEqualTo("rw-r-----");
        Path archived = DaemonHarness.files(harness.archive()).get(0);
        assertThat(mode(archived)).isEqualTo("rw-r-----");
        for (Path folder = archived.getParent(); !folder.equals(harness.archive().getParent()); folder = folder.getParent()) {
            assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwxr-x---");
        }
        assertThat(mode(harness.error().resolve("informe.csv"))).isEqualTo("rw-r-----");
        assertThat(mode(harness.error().resolve("informe.csv.error.txt"))).isEqualTo("rw-r-----");
        for (Path made : List.of(harness.inbox(), harness.outbox(), harness.error(), harness.root.resolve("data"), harness.root.resolve("state"))) {
            assertThat(mode(made)).as(made.toString()).isEqualTo("rwxr-x---");
        }
        try (Stream<Path> state = Files.list(harness.root.resolve("state"))) {
            assertThat(state.filter(Files::isRegularFile).toList()).isNotEmpty()
                    .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-r-----"));
        }
    }

    @Test
    void theReportOfRunOutputIsPrivateAndItsNewFolderToo() throws Exception {
        Path csv = Files.writeString(harness.root.resolve("leads.csv"), HEADER + "Ana Ruiz;ana.run@example.com;600111222;Salud;28/07/2025;SEO\n");
        Path config = Files.writeString(harness.root.resolve("leadrouter.properties"), String.join("\n",
                "vtiger.url=" + harness.sandbox.baseUrl(),
                "vtiger.username=admin",
                "vtiger.access-key=" + DaemonHarness.KEY,
                "state.dir=" + harness.root.resolve("run-state"),
                ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Path output = harness.root.resolve("informes/julio/asignados.csv");
        StringWriter out = new StringWriter();

        int exit = LeadrouterCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute("run", csv.toString(), "--output", output.toString(), "--config", config.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(mode(output)).isEqualTo("rw-r-----");
        assertThat(mode(output.getParent())).isEqualTo("rwxr-x---");
        assertThat(mode(harness.root.resolve("informes"))).isEqualTo("rwxr-x---");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
