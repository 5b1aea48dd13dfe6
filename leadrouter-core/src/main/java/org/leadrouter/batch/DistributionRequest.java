package org.leadrouter.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What enters the pipeline: a CSV file to distribute (or, with no file, the deferred queue), the mode, and where
 * the report goes.
 */
public record DistributionRequest(Path file, Mode mode, Path report) {

    public DistributionRequest {
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(report, "report == null");
    }

    /** Offer the deferred queue again (always for real: only apply runs defer leads). */
    public static DistributionRequest deferredQueue(Path report) {
        return new DistributionRequest(null, Mode.APPLY, report);
    }

    public boolean fromDeferredQueue() {
        return file == null;
    }
}
