package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;

/**
 * The copy of a deferred queue kept in the outbox recovers the queue of a lost state when put into the inbox; the
 * copy of a queue whose leadrouter still runs is refused unread, since that leadrouter releases those leads itself
 * and both at once could create a lead twice.
 */
class LiveQueueCopyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void theCopyOfTheRunningDaemonsQueueDroppedIntoTheInboxGoesToErrorUnread() throws Exception {
        Path copy = runningDaemonWithThreeDeferred("vivo", 91_000_000);
        assertThat(Reports.read(copy, ';')).hasSize(3);
        int creates = harness.sandbox.calls("create");

        String name = copy.getFileName().toString();
        harness.drop(name, Files.readAllBytes(copy));
        harness.awaitRejected(name);

        assertThat(Files.readString(harness.error().resolve(name + ".error.txt")))
                .contains("the copy of the deferred queue of a leadrouter that is running")
                .contains("Nothing from this file was sent to the CRM");
        assertThat(harness.sandbox.calls("create")).isEqualTo(creates);
        assertThat(harness.reports()).hasSize(1);
        assertThat(copy).as("the outbox's copy stays").exists();
    }

    @Test
    void theCopyOfALostStatesQueueIsDistributed() throws Exception {
        harness.start(Map.of());
        // a state lost when its daemon was killed, ten minutes ago: its copy, and the live mark it could not remove
        Path lost = harness.outbox().resolve(DeferredQueueCopy.fileName("perdido"));
        Files.createDirectories(lost.getParent());
        Files.writeString(lost, LeadFiles.people(2, "perdido", 92_000_000));
        Path mark = Files.createFile(harness.outbox().resolve(".deferred-queue_perdido.1234.alive"));
        Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));

        harness.drop(lost.getFileName().toString(), Files.readAllBytes(lost));
        Path report = harness.awaitReports(1).get(0);

        assertThat(Reports.read(report, ';')).hasSize(2).allMatch(r -> r.get("Status").equals("created"));
        assertThat(harness.leadsWithEmail("perdido1@example.com")).isEqualTo(1);
        assertThat(DaemonHarness.files(harness.error())).isEmpty();
    }

    @Test
    void runApplyRefusesTheCopyOfARunningDaemonsQueue() throws Exception {
        Path copy = runningDaemonWithThreeDeferred("corre", 93_000_000);
        int creates = harness.sandbox.calls("create");
        Map<String, String> run = new HashMap<>(harness.config(Map.of()));
        run.put("state.dir", harness.root.resolve("run-state").toString());
        Path config = harness.configFile("run.properties", run);
        StringWriter out = new StringWriter();

        int exit = LeadrouterCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute("run", copy.toString(), "--apply", "--config", config.toString());

        assertThat(exit).as(out.toString()).isEqualTo(2);
        assertThat(out.toString()).contains("the copy of the deferred queue of a leadrouter that is running");
        assertThat(harness.sandbox.calls("create")).isEqualTo(creates);
    }

    /** A daemon whose three advisors have a cap of 1 takes a file of six: three deferred; the copy of its queue. */
    private Path runningDaemonWithThreeDeferred(String prefix, int phoneBase) throws Exception {
        harness.start(Map.of("allocation.daily-cap", "1"));
        harness.drop("primero.csv", LeadFiles.people(6, prefix, phoneBase));
        harness.awaitReports(1);
        return Await.value("the copy of the queue", WAIT, () -> queueCopies().size() == 1 ? queueCopies().get(0) : null);
    }

    private List<Path> queueCopies() {
        return DaemonHarness.files(harness.outbox()).stream()
                .filter(p -> DeferredQueueCopy.isCopy(p.getFileName().toString())).toList();
    }
}
