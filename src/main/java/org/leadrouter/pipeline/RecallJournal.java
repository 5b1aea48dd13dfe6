package org.leadrouter.pipeline;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalRow;
import org.leadrouter.journal.JournalStatus;

/**
 * Apply runs only, right after reading: settles the rows this content already produced. After a crash, rows whose
 * lead exists in VTiger (found by import marker) are {@code created} and not sent again; when the same file comes
 * back after it was finished, those rows are {@code duplicate}s of what it created then; rows still waiting in the
 * deferred queue stay there.
 */
public final class RecallJournal implements Processor {
    private final Journal journal;
    private final JournalMarkers markers;

    RecallJournal(Journal journal, JournalMarkers markers) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.markers = Objects.requireNonNull(markers, "markers == null");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionBatch batch = exchange.getMessage().getMandatoryBody(DistributionBatch.class);
        if (!batch.apply()) {
            return;
        }
        String hash = batch.contentHash();
        Optional<Journal.FileRun> last = journal.lastRun(hash);
        Map<Integer, JournalRow> known = journal.rows(hash);
        if (last.isPresent() || !known.isEmpty()) {
            boolean again = last.isPresent() && last.get().finished();
            Map<Integer, JournalMarkers.Found> inCrm = markers.leadsOf(hash);
            for (LeadRow row : batch.rows()) {
                settle(row, known.get(row.rowNumber()), inCrm.get(row.rowNumber()), again ? last.get() : null);
            }
        }
        batch.journalRun(journal.fileStarted(hash, batch.file().displayName(), Mode.APPLY.label()));
    }

    private void settle(LeadRow row, JournalRow journalled, JournalMarkers.Found found, Journal.FileRun finishedRun) {
        String leadId = found != null ? found.leadId()
                : journalled != null && journalled.status() == JournalStatus.CREATED ? journalled.leadId() : null;
        if (leadId != null) {
            Advisor advisor = advisorOf(journalled, found);
            if (finishedRun != null) {
                row.settled(RowStatus.DUPLICATE, advisor, leadId, "this file was already processed on "
                        + finishedRun.startedAt().toLocalDate() + ": this row was created then as " + leadId);
            } else {
                row.settled(RowStatus.CREATED, advisor, leadId, "created before an interruption; not sent again");
                if (journalled == null || journalled.status() != JournalStatus.CREATED) {
                    journal.created(row.origin(), leadId, advisor == null ? null : advisor.id(),
                            advisor == null ? null : advisor.userName(),
                            journalled != null ? journalled.businessDay() : null);
                }
            }
        } else if (journalled != null && journalled.status() == JournalStatus.DEFERRED) {
            row.settled(RowStatus.DEFERRED, null, null, "already waiting in the deferred queue since " + journalled.businessDay());
        }
    }

    private static Advisor advisorOf(JournalRow journalled, JournalMarkers.Found found) {
        if (journalled != null && journalled.advisorId() != null) {
            String name = journalled.advisorName() == null ? journalled.advisorId() : journalled.advisorName();
            return new Advisor(journalled.advisorId(), name, name, 0);
        }
        if (found != null && !found.ownerId().isEmpty()) {
            return new Advisor(found.ownerId(), found.ownerId(), found.ownerId(), 0);
        }
        return null;
    }
}
