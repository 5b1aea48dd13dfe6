package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.RawLead;
import org.leadrouter.i18n.Messages;

/** First step of a deferred run: the queued leads, oldest first, become a batch of their own. */
public final class LoadDeferred {
    /** The name deferred runs carry in the journal and reports. */
    public static final String NAME = "deferred-leads";

    private final Journal journal;
    private final LeadCreator creator;

    public LoadDeferred(Journal journal, LeadCreator creator) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.creator = Objects.requireNonNull(creator, "creator == null");
    }

    /**
     * Whether a queued lead can be offered now: any lead whose create was never sent, and one whose create went
     * unanswered once its settle time has passed (it is looked up by its marker first).
     */
    public boolean offerable(DeferredLead d) {
        return !d.interrupted() || settled(d);
    }

    private boolean settled(DeferredLead d) {
        try {
            creator.requireSettled(d.origin(), journal.sendingSince(d.origin()).orElse(null));
            return true;
        } catch (CreateUnsettledException e) {
            return false;
        }
    }

    public DistributionBatch load(DistributionRequest request) throws Exception {
        List<DeferredLead> queue = new ArrayList<>();
        List<LeadRow> rows = new ArrayList<>();
        List<RawLead> raws = new ArrayList<>();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        // a release killed midway: the leads it created are listed in this report, unless its own was written
        Optional<String> interruptedReport = journal.unfinishedRunReport(NAME);
        if (interruptedReport.isPresent() && Files.exists(Path.of(interruptedReport.get()))) {
            journal.reportedCreated();
        }
        for (Journal.Unreported u : journal.unreportedCreated()) {
            LeadRow row = new LeadRow(u.raw(), u.origin());
            Advisor advisor = u.advisorId() == null ? null : new Advisor(u.advisorId(),
                    u.advisorName() == null ? u.advisorId() : u.advisorName(), u.advisorName() == null ? u.advisorId() : u.advisorName(), 0);
            row.settled(RowStatus.CREATED, advisor, u.leadId(), Messages.t("note.created-by-interrupted-release"));
            rows.add(row);
            raws.add(u.raw());
            digest.update((u.origin().contentHash() + ":" + u.origin().row() + ";").getBytes(StandardCharsets.UTF_8));
        }
        for (DeferredLead d : journal.deferredQueue()) {
            LeadRow row = new LeadRow(d.raw(), d.origin());
            row.note(Messages.t("note.deferred-from", String.valueOf(d.deferredOn()), d.origin().fileName(),
                    d.origin().row()));
            String created = d.interrupted() ? creator.findByMarker(d.origin().marker()) : null;
            if (created != null) {
                journal.created(d.origin(), created, null, null, d.deferredOn());
                row.settled(RowStatus.CREATED, null, created, Messages.t("note.created-before-interruption"));
            } else if (d.interrupted() && !settled(d)) {
                continue; // sent, never answered, not in VTiger yet: stays queued until it may be sent again
            }
            queue.add(d);
            rows.add(row);
            raws.add(d.raw());
            digest.update((d.origin().contentHash() + ":" + d.origin().row() + ";").getBytes(StandardCharsets.UTF_8));
        }
        LeadFile file = new LeadFile(NAME, StandardCharsets.UTF_8, ';', List.of(),
                raws, List.of());
        String hash = HexFormat.of().formatHex(digest.digest());
        DistributionBatch batch = new DistributionBatch(request, file, hash, rows);
        batch.journalRun(journal.fileStarted(hash, NAME, Mode.APPLY.label()));
        journal.reportPlanned(batch.journalRun(), request.report().toString());
        return batch;
    }
}
