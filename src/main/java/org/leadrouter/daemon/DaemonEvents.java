package org.leadrouter.daemon;

import org.leadrouter.pipeline.DistributionBatch;

/** What the daemon tells its observers (metrics) about each file. */
public interface DaemonEvents {
    DaemonEvents NONE = new DaemonEvents() { };

    default void fileProcessed(DistributionBatch batch) {
    }

    default void deferredProcessed(DistributionBatch batch) {
    }

    default void fileRejected() {
    }

    default void fileRetried() {
    }
}
