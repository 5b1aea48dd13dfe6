package org.leadrouter.daemon;

import java.util.Objects;
import java.util.function.IntSupplier;

import org.leadrouter.glance.Glance;
import org.leadrouter.batch.DistributionBatch;

/** Tells the daemon's observers about each file, and brings the "today at a glance" page up to date. */
public final class GlanceEvents implements DaemonEvents {
    private final DaemonEvents next;
    private final Glance glance;

    public GlanceEvents(DaemonEvents next, Glance glance) {
        this.next = Objects.requireNonNull(next, "next == null");
        this.glance = Objects.requireNonNull(glance, "glance == null");
    }

    @Override
    public void started(IntSupplier deferredQueueSize) {
        next.started(deferredQueueSize);
        glance.writePage();
    }

    @Override
    public void fileProcessed(DistributionBatch batch) {
        next.fileProcessed(batch);
        glance.batchDone(batch, false);
    }

    @Override
    public void deferredProcessed(DistributionBatch batch) {
        next.deferredProcessed(batch);
        glance.batchDone(batch, true);
    }

    @Override
    public void fileRejected() {
        next.fileRejected();
    }

    @Override
    public void fileRejected(String fileName, String reason) {
        next.fileRejected(fileName, reason);
        glance.fileRejected(fileName, reason, null);
    }

    @Override
    public void fileRejected(String fileName, String reason, java.nio.file.Path explanation) {
        next.fileRejected(fileName, reason, explanation);
        glance.fileRejected(fileName, reason, explanation);
    }

    @Override
    public void fileRetried() {
        next.fileRetried();
    }

    @Override
    public void fileFailed(org.leadrouter.failure.Failure failure) {
        next.fileFailed(failure);
    }

    @Override
    public void fileSkipped(String fileName, String reason) {
        next.fileSkipped(fileName, reason);
    }

    @Override
    public void inboxWatched(java.util.function.Supplier<org.leadrouter.glance.InboxStatus> status) {
        next.inboxWatched(status);
        glance.watchInbox(status);
    }

    @Override
    public void diskTrouble(String reason) {
        next.diskTrouble(reason);
    }

    @Override
    public void diskRecovered() {
        next.diskRecovered();
    }

    @Override
    public void stateTrouble(String reason) {
        next.stateTrouble(reason);
    }

    @Override
    public void stateRecovered() {
        next.stateRecovered();
    }

    @Override
    public void leadershipChanged(boolean leading) {
        next.leadershipChanged(leading);
    }
}
