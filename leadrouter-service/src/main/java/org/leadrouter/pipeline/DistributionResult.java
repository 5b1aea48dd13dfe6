package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;

import java.util.Optional;

/**
 * How a distribution ended: the batch as far as it got (absent when the file could not even be read) and the
 * failure that stopped it, if any. When a run stops early its report is still written, with the rows it did
 * not finish marked as errors.
 */
public record DistributionResult(DistributionBatch batch, Exception failure) {

    public Optional<DistributionBatch> batchIfRead() {
        return Optional.ofNullable(batch);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
