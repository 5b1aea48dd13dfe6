package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;

import java.io.IOException;
import java.nio.file.Path;

import org.leadrouter.failure.FolderFailures;

import org.leadrouter.config.ReportSettings;

/** Last step: writes the result report where the request asked. */
public final class WriteReport {
    private final ReportSettings settings;

    public WriteReport(ReportSettings settings) {
        this.settings = settings;
    }

    /** A report that cannot be written is its folder's failure when that folder refuses a probe write too. */
    public DistributionBatch write(DistributionBatch batch) throws Exception {
        try {
            BatchReport.write(batch, settings);
        } catch (IOException e) {
            Path folder = batch.request().report().toAbsolutePath().getParent();
            throw FolderFailures.writing(folder, e);
        }
        return batch;
    }
}
