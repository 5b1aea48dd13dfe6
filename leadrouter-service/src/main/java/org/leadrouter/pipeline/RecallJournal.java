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
 * file's import markers every time (one paged query per file), whether or not this state knows the file. A row
 * whose lead leadrouter created — its marker is in VTiger, or the journal recorded it — is {@code created} with its
 * LeadID, whatever happened since: resumed after a crash, the same file dropped again after it was finished, sent by
 * another instance or before the state was lost; it is never sent again. Rows still waiting in the deferred queue
 * stay there. A row whose create was sent but never answered, and which VTiger does not show, halts creating for the
 * whole file until VTiger cannot be working on it any more ({@link LeadCreator}); the other rows are still settled
 * and decided, so that the report of the stopped run tells all that is known.
 */
public final class RecallJournal {
    private final Journal journal;
    private final JournalMarkers markers;
    private final LeadCreator creator;

    public RecallJournal(Journal journal, JournalMarkers markers, LeadCreator creator) {
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
                // sent, never answered, not in VTiger (yet): nothing of the file is sent until it may be sent again;
                // the rows are still read, settled and decided, so that the report says what is known
                try {
                    creator.requireSettled(row.origin(), journalled.updatedAt().toInstant());
                    // VTiger never stored it: the row goes through again like a new one, and the attempt that left no
                    // lead no longer counts in today's loads (they count leads being sent, for a crash mid-create)
                    journal.outcome(row.origin(), JournalStatus.ERROR, "sent at " + journalled.updatedAt()
                            + " without an answer; VTiger never stored it");
                } catch (CreateUnsettledException e) {
                    batch.halt(e);
                }
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

    /**
     * A lead VTiger has for this row although this state never sent it: leadrouter created it (the marker says so),
     * elsewhere or before the state was lost. It is not created again, and from now on the journal knows it.
     */
    private void settleFromCrm(LeadRow row, JournalMarkers.Found found) {
        Advisor advisor = advisorOf(null, found);
        row.settled(RowStatus.CREATED, advisor, found.leadId(), Messages.t("note.already-in-vtiger", found.leadId()));
        journal.created(row.origin(), found.leadId(), advisor == null ? null : advisor.id(),
                advisor == null ? null : advisor.userName(), null);
    }

    private void settle(LeadRow row, JournalRow journalled, JournalMarkers.Found found, Journal.FileRun finishedRun) {
        String leadId = found != null ? found.leadId()
                : journalled != null && journalled.status() == JournalStatus.CREATED ? journalled.leadId() : null;
        if (leadId != null) {
            Advisor advisor = advisorOf(journalled, found);
            if (finishedRun != null) {
                // the same file again: its leads are still the ones it created, and were counted when it finished
                row.settledAndReported(RowStatus.CREATED, advisor, leadId, Messages.t("note.file-already-processed",
                        finishedRun.startedAt().toLocalDate().toString(), leadId),
                        journalled != null ? journalled.pool() : "");
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
