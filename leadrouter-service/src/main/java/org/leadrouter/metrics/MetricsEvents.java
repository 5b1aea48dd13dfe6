package org.leadrouter.metrics;

import java.util.Objects;
import java.util.function.IntSupplier;

import org.leadrouter.daemon.DaemonEvents;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;

/** Feeds the daemon's file outcomes into the metrics: files by outcome, leads by status and advisor, capacity. */
public final class MetricsEvents implements DaemonEvents {
    private final LeadrouterMetrics metrics;

    public MetricsEvents(LeadrouterMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    @Override
    public void started(IntSupplier deferredQueueSize) {
        metrics.deferredQueue(deferredQueueSize);
    }

    @Override
    public void inboxWatched(java.util.function.Supplier<org.leadrouter.glance.InboxStatus> status) {
        metrics.inboxOldestAge(status);
    }

    @Override
    public void fileProcessed(DistributionBatch batch) {
        boolean seenBefore = !batch.rows().isEmpty() && batch.rows().stream().allMatch(LeadRow::settledEarlier);
        metrics.fileFinished(seenBefore ? LeadrouterMetrics.FILE_ALREADY_PROCESSED : LeadrouterMetrics.FILE_PROCESSED);
        metrics.batchFinished(batch);
    }

    @Override
    public void deferredProcessed(DistributionBatch batch) {
        metrics.batchFinished(batch);
    }

    @Override
    public void fileRejected() {
        metrics.fileFinished(LeadrouterMetrics.FILE_ERROR);
    }

    @Override
    public void fileRetried() {
        metrics.fileFinished(LeadrouterMetrics.FILE_RETRY);
    }

    @Override
    public void leadershipChanged(boolean leading) {
        metrics.leader(leading);
    }
}
