package org.leadrouter.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/** What enters the pipeline: a CSV file to distribute, the mode, and where its report goes. */
public record DistributionRequest(Path file, Mode mode, Path report) {

    public DistributionRequest {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(report, "report == null");
    }
}
