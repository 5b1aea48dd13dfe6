package org.leadrouter.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.leadrouter.csv.LeadFile;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.i18n.Messages;

/** First step of a deferred run: the queued leads, oldest first, become a batch of their own. */
public final class LoadDeferred {
    /** The name deferred runs carry in the journal and reports. */
    public static final String NAME = "deferred-leads";

    private final Journal journal;
    private final LeadCreator creator;

    LoadDeferred(Journal journal, LeadCreator creator) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.creator = Objects.requireNonNull(creator, "creator == null");
    }

    public DistributionBatch load(DistributionRequest request) throws Exception {
        List<DeferredLead> queue = journal.deferredQueue();
        List<LeadRow> rows = new ArrayList<>(queue.size());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (DeferredLead d : queue) {
            LeadRow row = new LeadRow(d.raw(), d.origin());
            row.note(Messages.t("note.deferred-from", String.valueOf(d.deferredOn()), d.origin().fileName(),
                    d.origin().row()));
            String created = d.interrupted() ? creator.findByMarker(d.origin().marker()) : null;
            if (created != null) {
                journal.created(d.origin(), created, null, null, d.deferredOn());
                row.settled(RowStatus.CREATED, null, created, Messages.t("note.created-before-interruption"));
            }
            rows.add(row);
            digest.update((d.origin().contentHash() + ":" + d.origin().row() + ";").getBytes(StandardCharsets.UTF_8));
        }
        LeadFile file = new LeadFile(NAME, StandardCharsets.UTF_8, ';', List.of(),
                queue.stream().map(DeferredLead::raw).toList(), List.of());
        String hash = HexFormat.of().formatHex(digest.digest());
        DistributionBatch batch = new DistributionBatch(request, file, hash, rows);
        batch.journalRun(journal.fileStarted(hash, NAME, Mode.APPLY.label()));
        return batch;
    }
}
