package org.leadrouter.daemon;

import org.leadrouter.pipeline.DistributionBatch;

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

    default void fileRetried() {
    }
}
