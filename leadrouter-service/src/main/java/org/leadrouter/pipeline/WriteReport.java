package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;

import java.io.IOException;

import org.leadrouter.config.ReportSettings;

/** Last step: writes the result report where the request asked. */
public final class WriteReport {
    private final ReportSettings settings;

    public WriteReport(ReportSettings settings) {
        this.settings = settings;
    }

    public DistributionBatch write(DistributionBatch batch) throws IOException {
        BatchReport.write(batch, settings);
        return batch;
    }
}
