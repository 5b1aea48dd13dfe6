package org.leadrouter.daemon;

import org.leadrouter.batch.DistributionBatch;

/** What the daemon tells its observers (metrics) about each file. */
public interface DaemonEvents {
    DaemonEvents NONE = new DaemonEvents() { };

    /** The daemon is running; {@code deferredQueueSize} tells the size of the deferred queue at any time. */
    default void started(java.util.function.IntSupplier deferredQueueSize) {
    }

    default void fileProcessed(DistributionBatch batch) {
    }

    default void deferredProcessed(DistributionBatch batch) {
    }

    default void fileRejected() {
    }

    /** A file went to error/, with the reason written beside it; by default the same as {@link #fileRejected()}. */
    default void fileRejected(String fileName, String reason) {
        fileRejected();
    }

    /** As above, knowing where the explanation was written; by default the same as without it. */
    default void fileRejected(String fileName, String reason, java.nio.file.Path explanation) {
        fileRejected(fileName, reason);
    }

    default void fileRetried() {
    }

    /** An inbox file failed, as judged where it failed (it may be retried, rejected or skipped next). */
    default void fileFailed(org.leadrouter.failure.Failure failure) {
    }

    /** The daemon watches whether its inbox flows; {@code status} tells it at any time. */
    default void inboxWatched(java.util.function.Supplier<org.leadrouter.glance.InboxStatus> status) {
    }

    /** A file cannot leave the inbox (its rights, or its folder's): it is skipped, the others go on. */
    default void fileSkipped(String fileName, String reason) {
    }

    /** A folder could not be written: files wait; {@code reason} names the folder. */
    default void diskTrouble(String reason) {
    }

    /** Writing the folders works again. */
    default void diskRecovered() {
    }

    /** The state database could not be written (a full disk): files and the deferred queue wait. */
    default void stateTrouble(String reason) {
    }

    /** The state database answers again (reopened, if H2 had closed it). */
    default void stateRecovered() {
    }

    /** With high availability: this node became the leader (true) or stands by (false). */
    default void leadershipChanged(boolean leading) {
    }

    /** Both observers, in order. */
    static DaemonEvents both(DaemonEvents first, DaemonEvents second) {
        return new DaemonEvents() {
            @Override public void started(java.util.function.IntSupplier q) { first.started(q); second.started(q); }
            @Override public void fileProcessed(DistributionBatch b) { first.fileProcessed(b); second.fileProcessed(b); }
            @Override public void deferredProcessed(DistributionBatch b) { first.deferredProcessed(b); second.deferredProcessed(b); }
            @Override public void fileRejected() { first.fileRejected(); second.fileRejected(); }
            @Override public void fileRejected(String name, String reason) {
                first.fileRejected(name, reason);
                second.fileRejected(name, reason);
            }
            @Override public void fileRejected(String name, String reason, java.nio.file.Path explanation) {
                first.fileRejected(name, reason, explanation);
                second.fileRejected(name, reason, explanation);
            }
            @Override public void fileRetried() { first.fileRetried(); second.fileRetried(); }
            @Override public void fileFailed(org.leadrouter.failure.Failure f) { first.fileFailed(f); second.fileFailed(f); }
            @Override public void inboxWatched(java.util.function.Supplier<org.leadrouter.glance.InboxStatus> s) {
                first.inboxWatched(s);
                second.inboxWatched(s);
            }
            @Override public void fileSkipped(String name, String reason) {
                first.fileSkipped(name, reason);
                second.fileSkipped(name, reason);
            }
            @Override public void diskTrouble(String reason) { first.diskTrouble(reason); second.diskTrouble(reason); }
            @Override public void diskRecovered() { first.diskRecovered(); second.diskRecovered(); }
            @Override public void stateTrouble(String reason) { first.stateTrouble(reason); second.stateTrouble(reason); }
            @Override public void stateRecovered() { first.stateRecovered(); second.stateRecovered(); }
            @Override public void leadershipChanged(boolean l) { first.leadershipChanged(l); second.leadershipChanged(l); }
        };
    }
}
