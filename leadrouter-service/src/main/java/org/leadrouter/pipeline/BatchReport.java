package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.leadrouter.config.ReportSettings;
import org.leadrouter.report.ReportRow;
import org.leadrouter.report.ReportWriter;

/** Turns a batch into its result report: one line per input row, in file order. */
public final class BatchReport {
    private BatchReport() {
    }

    public static void write(DistributionBatch batch, ReportSettings settings) throws IOException {
        List<ReportRow> rows = new ArrayList<>(batch.rows().size());
        for (LeadRow r : batch.rows()) {
            String course = r.lead() != null ? r.lead().course() : r.raw().course();
            String advisorId = r.advisor() == null ? "" : r.advisor().id();
            String advisorName = r.advisor() == null ? "" : r.advisor().userName();
            rows.add(new ReportRow(r.raw().name(), r.raw().email(), r.raw().phone(), course, advisorId, advisorName,
                    r.leadId(), r.statusText(), r.rowNumber(), String.join("; ", r.details())));
        }
        ReportWriter.write(batch.request().report(), settings.format(),
                settings.delimiterFor(batch.file().delimiter()), rows);
    }
}
