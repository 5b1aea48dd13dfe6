package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
        write(batch, settings, batch.request().report());
    }

    /**
     * The report of a run that stopped early. It never replaces a report already at the requested path — an earlier
     * run of the file may have written it, knowing more (VTiger answered then) — and goes beside it instead, as
     * {@code name-2.csv}, {@code name-3.csv}…; returns where it was written.
     */
    public static Path writeStopped(DistributionBatch batch, ReportSettings settings) throws IOException {
        Path target = batch.request().report();
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = target.resolveSibling(dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n);
        }
        write(batch, settings, target);
        return target;
    }

    private static void write(DistributionBatch batch, ReportSettings settings, Path target) throws IOException {
        List<ReportRow> rows = new ArrayList<>(batch.rows().size());
        for (LeadRow r : batch.rows()) {
            String course = r.lead() != null ? r.lead().course() : r.raw().course();
            String advisorId = r.advisor() == null ? "" : r.advisor().id();
            String advisorName = r.advisor() == null ? "" : r.advisor().userName();
            rows.add(new ReportRow(r.raw().name(), r.raw().email(), r.raw().phone(), course, advisorId, advisorName,
                    r.leadId(), r.statusText(), r.rowNumber(), String.join("; ", r.details())));
        }
        ReportWriter.write(target, settings.format(),
                settings.delimiterFor(batch.file().delimiter()), rows);
    }
}
