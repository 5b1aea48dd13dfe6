package org.leadrouter.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.RawLead;

/** First step of a deferred run: the queued leads, oldest first, become a batch of their own. */
public final class LoadDeferred implements Processor {
    /** The name deferred runs carry in the journal and reports. */
    public static final String NAME = "deferred-leads";

    private final Journal journal;
    private final LeadCreator creator;

    LoadDeferred(Journal journal, LeadCreator creator) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.creator = Objects.requireNonNull(creator, "creator == null");
    }

    private boolean settled(DeferredLead d) {
        try {
            creator.requireSettled(d.origin(), journal.sendingSince(d.origin()).orElse(null));
            return true;
        } catch (CreateUnsettledException e) {
            return false;
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionRequest request = exchange.getMessage().getMandatoryBody(DistributionRequest.class);
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
            row.settled(RowStatus.CREATED, advisor, u.leadId(), "created from the deferred queue by a release that"
                    + " was interrupted before its report; listed here");
            rows.add(row);
            raws.add(u.raw());
            digest.update((u.origin().contentHash() + ":" + u.origin().row() + ";").getBytes(StandardCharsets.UTF_8));
        }
        for (DeferredLead d : journal.deferredQueue()) {
            LeadRow row = new LeadRow(d.raw(), d.origin());
            row.note("deferred on " + d.deferredOn() + " from " + d.origin().fileName() + ", row " + d.origin().row());
            String created = d.interrupted() ? creator.findByMarker(d.origin().marker()) : null;
            if (created != null) {
                journal.created(d.origin(), created, null, null, d.deferredOn());
                row.settled(RowStatus.CREATED, null, created, "created before an interruption; not sent again");
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
        exchange.setProperty(CreateLead.BATCH, batch);
        exchange.getMessage().setBody(batch);
    }
}
