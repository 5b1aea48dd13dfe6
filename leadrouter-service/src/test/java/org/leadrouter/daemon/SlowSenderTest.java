package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;

/** A sender that writes part of a file, stalls with it open longer than inbox.stable-time, then writes the rest. */
class SlowSenderTest {
    private static final int PHONES = 63_000_000;

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void aSenderThatStallsMidRowLosesNoRowAndCreatesNoHalfRow() throws Exception {
        harness.start(Map.of("inbox.stable-time", "500ms", "inbox.unterminated-line-time", "1m"));
        Path file = harness.inbox().resolve("lento.csv");
        String first = LeadFiles.people(30, "slow", PHONES);
        String row31 = LeadFiles.rows(31, 31, "slow", PHONES);
        int cut = row31.indexOf("@example.co") + "@example.co".length(); // a valid email, one letter short

        CompletableFuture<Void> sender = slowSender(file, first + row31.substring(0, cut),
                row31.substring(cut) + LeadFiles.rows(32, 60, "slow", PHONES));

        sender.get(60, TimeUnit.SECONDS);
        Await.until("the file archived", Duration.ofSeconds(60), () -> !Files.exists(file));
        awaitLeads(60);
        assertEveryRowCreatedOnce(60);
    }

    @Test
    void rowsWrittenAfterTheFileWasArchivedAreProcessed() throws Exception {
        harness.start(Map.of("inbox.stable-time", "500ms", "inbox.unterminated-line-time", "1m"));
        Path file = harness.inbox().resolve("lento.csv");

        CompletableFuture<Void> sender = slowSender(file, LeadFiles.people(30, "slow", PHONES),
                LeadFiles.rows(31, 60, "slow", PHONES));

        sender.get(60, TimeUnit.SECONDS);
        awaitLeads(60);
        Await.until("the inbox empty", Duration.ofSeconds(60), () -> DaemonHarness.files(harness.inbox()).isEmpty());
        assertEveryRowCreatedOnce(60);
        assertThat(harness.reports()).hasSize(2);
    }

    @Test
    void aLastLineWithoutItsLineEndIsTakenOnceTheFileHasBeenQuietLonger() throws Exception {
        harness.start(Map.of("inbox.unterminated-line-time", "1s"));
        String content = LeadFiles.people(3, "slow", PHONES);
        Path file = harness.drop("sin-final.csv", content.substring(0, content.length() - 1));

        Await.until("the file archived", Duration.ofSeconds(30), () -> !Files.exists(file));
        assertEveryRowCreatedOnce(3);
    }

    /**
     * Writes {@code before} into {@code file} in the inbox, keeps it open and stalls (until the daemon has moved it
     * away, at most 5 s — longer than inbox.stable-time), then writes {@code after} and closes it.
     */
    private CompletableFuture<Void> slowSender(Path file, String before, String after) throws IOException {
        Files.createDirectories(harness.inbox());
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(before.getBytes(StandardCharsets.UTF_8));
                out.flush();
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                Thread.sleep(1_500); // the stall is the thing tested: well beyond inbox.stable-time
                while (Files.exists(file) && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                out.write(after.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits for {@code n} leads; on time out the assertions below say what is missing. */
    private void awaitLeads(int n) {
        try {
            Await.until(n + " leads in the CRM", Duration.ofSeconds(20), () -> slowLeads().size() >= n);
        } catch (AssertionError timedOut) {
            // judged below, row by row
        }
    }

    private List<String> slowLeads() {
        return harness.sandbox.records("Leads").stream().map(l -> l.getOrDefault("email", ""))
                .filter(e -> e.startsWith("slow")).toList();
    }

    private void assertEveryRowCreatedOnce(int rows) {
        List<String> created = slowLeads();
        long full = created.stream().filter(e -> e.matches("slow\\d+@example\\.com")).distinct().count();
        System.out.printf("slow sender: %d of %d rows lost, %d half rows created, %d leads%n", rows - full, rows,
                created.stream().filter(e -> !e.matches("slow\\d+@example\\.com")).count(), created.size());
        for (int i = 1; i <= rows; i++) {
            assertThat(harness.leadsWithEmail("slow" + i + "@example.com")).as("slow%d", i).isEqualTo(1);
        }
        assertThat(created).as("no half row, nothing twice").hasSize(rows);
    }
}
