package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;

/**
 * Right after the creates of a batch have all finished: when creating was halted, the run stops here with the reason
 * (the file then waits in the inbox, or the command reports it), exactly as if the create itself had thrown it.
 */
public final class HaltCreating {

    public DistributionBatch haltIfStopped(DistributionBatch batch) throws Exception {
        Exception reason = batch.haltReason();
        if (reason != null) {
            throw reason;
        }
        return batch;
    }
}
