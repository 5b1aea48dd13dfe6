package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalRow;
import org.leadrouter.journal.JournalStatus;
import org.leadrouter.i18n.Messages;

/**
 * Apply runs only, right after reading: settles the rows this content already produced. VTiger is asked for the
 * file's import markers every time (one paged query per file), whether or not this state knows the file. After a
 * crash, rows whose lead exists in VTiger are {@code created} and not sent again; when the same file comes back
 * after it was finished, those rows are {@code duplicate}s of what it created then; a lead VTiger has although this
 * state never sent it (another instance, {@code run} elsewhere, a lost state) makes its row a {@code duplicate};
 * rows still waiting in the deferred queue stay there. A row whose create was sent but never answered, and which
 * VTiger does not show, holds the file back until VTiger cannot be working on it any more ({@link LeadCreator}).
 */
public final class RecallJournal {
    private final Journal journal;
    private final JournalMarkers markers;
    private final LeadCreator creator;

    RecallJournal(Journal journal, JournalMarkers markers, LeadCreator creator) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.markers = Objects.requireNonNull(markers, "markers == null");
        this.creator = Objects.requireNonNull(creator, "creator == null");
    }

    public DistributionBatch recall(DistributionBatch batch) throws Exception {
        if (!batch.apply()) {
            return batch;
        }
        String hash = batch.contentHash();
        Optional<Journal.FileRun> last = journal.lastRun(hash);
        Map<Integer, JournalRow> known = journal.rows(hash);
        // VTiger is the ledger: even a file this state never saw may have been sent by another instance, by
        // `run` elsewhere, or before the state was lost; one paged query finds every lead carrying its markers
        Map<Integer, JournalMarkers.Found> inCrm = markers.leadsOf(hash);
        boolean again = last.isPresent() && last.get().finished();
        for (LeadRow row : batch.rows()) {
            JournalRow journalled = known.get(row.rowNumber());
            JournalMarkers.Found found = inCrm.get(row.rowNumber());
            if (found == null && journalled != null && journalled.status() == JournalStatus.SENDING) {
                // sent, never answered, not in VTiger (yet): the whole file waits until it may be sent again
                creator.requireSettled(row.origin(), journalled.updatedAt().toInstant());
            }
            if (journalled == null && found != null && last.isEmpty()) {
                settleFromCrm(row, found);
            } else {
                settle(row, journalled, found, again ? last.get() : null);
            }
        }
        batch.journalRun(journal.fileStarted(hash, batch.file().displayName(), Mode.APPLY.label()));
        return batch;
    }

    /** A lead VTiger has for this row although this state never sent it: it is not created again. */
    private void settleFromCrm(LeadRow row, JournalMarkers.Found found) {
        String note = Messages.t("note.already-in-vtiger", found.leadId());
        row.settled(RowStatus.DUPLICATE, advisorOf(null, found), found.leadId(), note);
        journal.outcome(row.origin(), JournalStatus.DUPLICATE, note);
    }

    private void settle(LeadRow row, JournalRow journalled, JournalMarkers.Found found, Journal.FileRun finishedRun) {
        String leadId = found != null ? found.leadId()
                : journalled != null && journalled.status() == JournalStatus.CREATED ? journalled.leadId() : null;
        if (leadId != null) {
            Advisor advisor = advisorOf(journalled, found);
            if (finishedRun != null) {
                row.settled(RowStatus.DUPLICATE, advisor, leadId, Messages.t("note.file-already-processed",
                        finishedRun.startedAt().toLocalDate().toString(), leadId));
            } else {
                row.settled(RowStatus.CREATED, advisor, leadId, Messages.t("note.created-before-interruption"),
                        journalled != null ? journalled.pool() : "");
                if (journalled == null || journalled.status() != JournalStatus.CREATED) {
                    journal.created(row.origin(), leadId, advisor == null ? null : advisor.id(),
                            advisor == null ? null : advisor.userName(),
                            journalled != null ? journalled.businessDay() : null);
                }
            }
        } else if (journalled != null && journalled.status() == JournalStatus.DEFERRED) {
            row.settled(RowStatus.DEFERRED, null, null, Messages.t("note.already-deferred",
                    String.valueOf(journalled.businessDay())), journalled.pool());
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
