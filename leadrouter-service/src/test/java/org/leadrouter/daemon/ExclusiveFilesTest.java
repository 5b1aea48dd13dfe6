package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.files.FileClaim;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;
import picocli.CommandLine;

/** A file is taken by exactly one process: two daemons on one inbox, `run --apply` on a file a daemon holds. */
class ExclusiveFilesTest {
    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void twoDaemonsOnOneInboxCreateEveryLeadOnceAndWriteOneReportPerFile() throws Exception {
        Map<String, String> common = Map.of("allocation.daily-cap", "1000");
        for (int f = 1; f <= 5; f++) {
            harness.drop("lote" + f + ".csv", LeadFiles.people(40, "lote" + f + "x", 50_000_000 + f * 1_000));
        }
        try (DaemonHarness.Other other = harness.startOther(common, "state-b")) {
            harness.start(common);
            Await.until("every file archived", Duration.ofSeconds(120),
                    () -> DaemonHarness.files(harness.archive()).size() == 5 && DaemonHarness.files(harness.inbox()).stream()
                            .noneMatch(p -> p.getFileName().toString().endsWith(".csv")));
        }

        Map<String, Long> perEmail = harness.sandbox.records("Leads").stream()
                .filter(l -> l.get("email").startsWith("lote"))
                .collect(Collectors.groupingBy(l -> l.get("email"), Collectors.counting()));
        assertThat(perEmail).hasSize(200);
        assertThat(perEmail.values()).containsOnly(1L);
        assertThat(harness.reports()).hasSize(5);
        assertThat(harness.sandbox.calls("create")).isEqualTo(200);
    }

    @Test
    void runApplyOnAFileAnotherProcessHoldsSendsNothing() throws Exception {
        Path csv = Files.writeString(harness.root.resolve("held.csv"), LeadFiles.people(3, "held", 60_000_000));
        Optional<FileClaim> held = FileClaim.tryClaim(csv, "another host daemon pid 1", Clock.systemUTC());
        assertThat(held).isPresent();
        try {
            Path config = harness.configFile("run.properties", harness.config(Map.of()));
            StringWriter err = new StringWriter();
            CommandLine cli = LeadrouterCommand.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("run", csv.toString(), "--apply", "--config", config.toString(),
                    "--output", harness.root.resolve("report.csv").toString());

            assertThat(exit).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("being processed by another leadrouter (another host daemon pid 1)");
            assertThat(harness.sandbox.calls("create")).isZero();
        } finally {
            held.get().close();
        }
    }

    @Test
    void theDaemonLeavesAFileAnotherProcessHoldsAndTakesItOnceReleased() throws Exception {
        Path file = harness.drop("compartido.csv", LeadFiles.people(3, "shared", 61_000_000));
        Optional<FileClaim> held = FileClaim.tryClaim(file, "another host run pid 1", Clock.systemUTC());
        harness.start(Map.of());
        Thread.sleep(1_000);
        assertThat(file).exists();
        assertThat(harness.sandbox.calls("create")).isZero();

        held.get().close();

        Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));
        assertThat(harness.sandbox.calls("create")).isEqualTo(3);
    }

    @Test
    void aFileThatGrowsWhileItIsProcessedIsNotArchivedUntilTheAddedRowsAreProcessed() throws Exception {
        harness.knobs.slowCreates(1, Duration.ofSeconds(2));
        Path file = harness.drop("creciente.csv", LeadFiles.people(3, "grow", 62_000_000));
        harness.start(Map.of("inbox.stable-time", "500ms"));
        Await.until("the first create sent", Duration.ofSeconds(30), () -> harness.sandbox.calls("create") >= 1);

        Files.writeString(file, "Persona grow4 García;grow4@example.com;655000004;Electricidad;28/07/2025;Portales\n"
                + "Persona grow5 García;grow5@example.com;655000005;Electricidad;28/07/2025;Portales\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Await.until("the file archived", Duration.ofSeconds(60), () -> !Files.exists(file));
        for (int i = 1; i <= 5; i++) {
            assertThat(harness.leadsWithEmail("grow" + i + "@example.com")).as("grow%d", i).isEqualTo(1);
        }
        assertThat(harness.reports()).hasSize(2);
    }
}
