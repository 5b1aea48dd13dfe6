package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.config.LeadFieldMapping;
import org.leadrouter.journal.Journal;
import org.leadrouter.journal.JournalStatus;
import org.leadrouter.vtiger.VtigerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 (apply only), once per planned row, on several rows at once when {@code vtiger.max-concurrency} allows:
 * creates the Lead in VTiger with its advisor, journalled as being sent before it is sent. A row VTiger refuses ends
 * as {@code error: <VTiger's message>} and the other rows go on; VTiger being unreachable, the login refused or a stop
 * request halt the batch: no further row is begun, those in flight finish, then {@link HaltCreating} stops the run.
 */
public final class CreateLead {
    private static final Logger LOG = LoggerFactory.getLogger(CreateLead.class);

    private final LeadCreator creator;
    private final LeadFieldMapping fields;
    private final Journal journal;
    private final ShutdownSignal shutdown;
    private final LeadFieldsCheck fieldsCheck;

    public CreateLead(LeadCreator creator, LeadFieldMapping fields, LeadFieldsCheck fieldsCheck, Journal journal,
               ShutdownSignal shutdown) {
        this.fieldsCheck = Objects.requireNonNull(fieldsCheck, "fieldsCheck == null");
        this.creator = Objects.requireNonNull(creator, "creator == null");
        this.fields = Objects.requireNonNull(fields, "fields == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown == null");
    }

    /** One planned row of a batch: what the split hands to {@link #create(Planned)}, one at a time or several at once. */
    public record Planned(DistributionBatch batch, LeadRow row) {
    }

    /** The rows of {@code batch} allocated to an advisor and waiting to be created, each with its batch. */
    public List<Planned> planned(DistributionBatch batch) {
        return batch.plannedRows().stream().map(row -> new Planned(batch, row)).toList();
    }

    public void create(Planned planned) {
        DistributionBatch batch = planned.batch();
        LeadRow row = planned.row();
        if (batch.haltReason() != null) {
            return; // creating has stopped: this row is not begun
        }
        if (shutdown.requested()) {
            batch.halt(new ShutdownSignal.StopRequested());
            return;
        }
        if (!shutdown.leading()) {
            batch.halt(new ShutdownSignal.LeadershipLost());
            return;
        }
        try {
            send(row, batch);
        } catch (Exception e) {
            // rows already in flight on other sessions finish; the run stops once they have (see HaltCreating)
            batch.halt(e);
        }
    }

    private void send(LeadRow row, DistributionBatch batch) throws InterruptedException {
        fieldsCheck.verify();
        LocalDate day = batch.roster().day().date();
        Advisor advisor = row.advisor();
        Map<String, String> element = LeadElement.of(row.lead(), advisor, fields, row.origin());
        journal.sending(row.origin(), advisor.id(), advisor.userName(), day, row.pool());
        // asked again once the row is journalled as being sent: a node that still leads now wrote it before any new
        // leader can read it, and the new leader settles it by its import marker instead of sending it a second time
        if (!shutdown.leading()) {
            throw new ShutdownSignal.LeadershipLost();
        }
        try {
            LeadCreator.Created created = creator.create(element, row.origin());
            journal.created(row.origin(), created.id(), advisor.id(), advisor.userName(), day);
            row.created(created.id(), created.note());
            KeptValues.notes(element, created.stored(), fields).forEach(row::note);
            LOG.debug("row {} created as {} for {}", row.rowNumber(), created.id(), advisor.userName());
        } catch (VtigerException e) {
            if (e.isSessionLost() || e.isLoginRefused()) {
                throw e;
            }
            String message = e.vtigerMessage().isEmpty() ? e.code() : e.vtigerMessage();
            row.failed(message);
            journal.outcome(row.origin(), JournalStatus.ERROR, e.code() + ": " + message);
            LOG.info("row {} refused by VTiger: {}", row.rowNumber(), e.code());
        }
    }
}
