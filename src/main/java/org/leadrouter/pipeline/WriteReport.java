package org.leadrouter.pipeline;

import java.io.IOException;

/** Last step: writes the result report where the request asked. */
public final class WriteReport {

    public DistributionBatch write(DistributionBatch batch) throws IOException {
        BatchReport.write(batch);
        return batch;
    }
}
