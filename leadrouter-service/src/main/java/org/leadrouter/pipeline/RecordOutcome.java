package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;

import java.util.Objects;

import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalStatus;

/**
 * Apply runs only, at the end: journals every row outcome of this run that is not already there (deferred leads
 * join the queue) and marks the run finished, so a re-dropped file is recognised.
 */
public final class RecordOutcome {
    private final Journal journal;

    public RecordOutcome(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
    }

    public DistributionBatch record(DistributionBatch batch) throws Exception {
        if (!batch.apply()) {
            return batch;
        }
        for (LeadRow row : batch.rows()) {
            if (row.settledEarlier()) {
                continue;
            }
            String detail = String.join("; ", row.details());
            switch (row.status()) {
                case DEFERRED -> journal.deferred(row.origin(), row.raw(),
                        batch.roster() != null ? batch.roster().day().date() : null, row.pool());
                case DUPLICATE -> journal.outcome(row.origin(), JournalStatus.DUPLICATE, detail);
                case INVALID -> journal.outcome(row.origin(), JournalStatus.INVALID, detail);
                default -> { }
            }
        }
        if (batch.journalRun() >= 0) {
            journal.fileFinished(batch.journalRun(), "processed", batch.request().report().toString());
        }
        if (LoadDeferred.NAME.equals(batch.file().fileName())) {
            journal.reportedCreated(); // the report of this release is written: it lists what the queue created
        }
        return batch;
    }
}
