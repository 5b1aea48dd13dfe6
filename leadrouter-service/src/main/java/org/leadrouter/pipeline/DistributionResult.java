package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a distribution ended: the batch as far as it got (absent when the file could not even be read), the failure
 * that stopped it, if any, and where its report was written (null when none was). When a run stops early its report
 * is still written, with the rows it did not finish marked as errors, but never over an existing report.
 */
public record DistributionResult(DistributionBatch batch, Exception failure, Path report) {

    public Optional<DistributionBatch> batchIfRead() {
        return Optional.ofNullable(batch);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** True when the report went beside the one asked for, which an earlier run had written and which is kept. */
    public boolean reportBeside() {
        return batch != null && report != null && !report.equals(batch.request().report());
    }
}
