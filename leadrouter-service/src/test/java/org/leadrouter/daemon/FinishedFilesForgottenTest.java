package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.vtiger.VtigerCallListener;

/** A daemon that runs for months keeps nothing of a finished file: its batch, rows and leads can be collected. */
class FinishedFilesForgottenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void appliedFilesLeaveNoBatchReachable() throws Exception {
        assertFinishedBatchesCollected("apply");
    }

    @Test
    void dryRunFilesLeaveNoBatchReachable() throws Exception {
        assertFinishedBatchesCollected("dry-run");
    }

    private void assertFinishedBatchesCollected(String mode) throws Exception {
        List<WeakReference<DistributionBatch>> batches = new CopyOnWriteArrayList<>();
        harness.start(Map.of("mode", mode), Clock.systemDefaultZone(), VtigerCallListener.NONE, new DaemonEvents() {
            @Override
            public void fileProcessed(DistributionBatch batch) {
                batches.add(new WeakReference<>(batch));
            }
        });
        for (int file = 1; file <= 3; file++) {
            harness.drop("campaña " + file + ".csv", LeadFiles.people(5, "olvido" + file + "-", file * 100));
            int done = file;
            Await.until("file " + file + " archived", WAIT, () -> DaemonHarness.files(harness.archive()).size() == done);
        }
        Await.until("three files told", WAIT, () -> batches.size() == 3);

        // the daemon keeps running: whatever still holds a finished file now would hold every file for ever
        Await.until("the finished files' batches collected", Duration.ofSeconds(10), () -> {
            System.gc();
            return batches.stream().allMatch(b -> b.get() == null);
        });
        assertThat(harness.running()).isTrue();
    }
}
