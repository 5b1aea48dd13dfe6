package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * Two daemons on one inbox, each with its own state, share the outbox and so the copy of the deferred queue: the copy
 * (or the copies) in the outbox must list the deferred leads of both, so that losing either state loses no lead.
 */
class SharedOutboxQueueCopyTest {
    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void theOutboxKeepsACopyOfTheDeferredLeadsOfBothDaemons() throws Exception {
        Map<String, String> capOne = Map.of("allocation.daily-cap", "1");
        AtomicInteger takenByHarness = new AtomicInteger();
        DaemonEvents countFiles = new DaemonEvents() {
            @Override
            public void fileProcessed(DistributionBatch batch) {
                takenByHarness.incrementAndGet();
            }
        };
        DaemonHarness.Other other = harness.startOther(capOne, "state-b");
        try {
            harness.start(capOne, Clock.systemDefaultZone(), VtigerCallListener.NONE, countFiles);
            // three advisors with a cap of 1: three leads created, three deferred by whichever daemon takes the file
            harness.drop("primero.csv", LeadFiles.people(6, "ambos", 90_000_000));
            Await.until("the first file", Duration.ofSeconds(30), () -> harness.reports().size() == 1
                    && !Files.exists(harness.inbox().resolve("primero.csv")));
            // the daemon that took it is stopped (maintenance); the other takes the next file: all six deferred
            if (takenByHarness.get() == 1) {
                harness.stop();
            } else {
                other.close();
            }
            harness.drop("segundo.csv", LeadFiles.HEADER + LeadFiles.rows(7, 12, "ambos", 90_000_000));
            Await.until("the second file", Duration.ofSeconds(30), () -> harness.reports().size() == 2
                    && !Files.exists(harness.inbox().resolve("segundo.csv")));
            Thread.sleep(500); // the copy is rewritten just after the report
        } finally {
            harness.stop();
            other.close();
        }

        Set<String> listed = new TreeSet<>();
        for (Path copy : DaemonHarness.files(harness.outbox())) {
            if (copy.getFileName().toString().startsWith("deferred-queue")) {
                Reports.read(copy, ';').forEach(r -> listed.add(r.get("Email")));
            }
        }
        assertThat(listed).as("the deferred leads of both daemons").hasSize(9)
                .contains("ambos4@example.com", "ambos5@example.com", "ambos6@example.com", "ambos12@example.com");
    }
}
