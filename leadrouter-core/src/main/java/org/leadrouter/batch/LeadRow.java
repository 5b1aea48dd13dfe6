package org.leadrouter.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.lead.Lead;
import org.leadrouter.lead.RawLead;

/**
 * One row travelling through the pipeline: what was read, what it became, and why. Its changes of state are made
 * by the service's pipeline steps, one step per change.
 */
public final class LeadRow {
    private final RawLead raw;
    private final RowOrigin origin;
    private Lead lead;
    private List<ContactKey> keys = List.of();
    private RowStatus status = RowStatus.PENDING;
    private String errorMessage;
    private Advisor advisor;
    private String leadId = "";
    private String pool = "";
    private boolean settledEarlier;
    private boolean reportedBefore;
    private final List<String> details = new ArrayList<>();

    public LeadRow(RawLead raw, RowOrigin origin) {
        this.raw = Objects.requireNonNull(raw, "raw == null");
        this.origin = Objects.requireNonNull(origin, "origin == null");
        details.addAll(raw.notes());
    }

    public RawLead raw() { return raw; }
    public RowOrigin origin() { return origin; }
    public Lead lead() { return lead; }
    public List<ContactKey> keys() { return keys; }
    public RowStatus status() { return status; }
    public Advisor advisor() { return advisor; }
    public String leadId() { return leadId; }
    /** The routing pool the row was planned or deferred in; "" when routing did not see it. */
    public String pool() { return pool; }
    public List<String> details() { return List.copyOf(details); }
    public int rowNumber() { return raw.row(); }

    /** The status as the report writes it: {@code error: <message>} for errors. */
    public String statusText() {
        return status == RowStatus.ERROR ? "error: " + errorMessage : status.label();
    }

    public void valid(Lead lead, List<ContactKey> keys) {
        this.lead = lead;
        this.keys = List.copyOf(keys);
        lead.notes().stream().filter(n -> !details.contains(n)).forEach(details::add);
    }

    public void invalid(String reason) {
        status = RowStatus.INVALID;
        details.add(reason);
    }

    public void duplicate(String reason) {
        status = RowStatus.DUPLICATE;
        details.add(reason);
    }

    public void planned(Advisor advisor) {
        this.advisor = advisor;
        status = RowStatus.PLANNED;
    }

    public void planned(Advisor advisor, String pool, String why) {
        planned(advisor);
        this.pool = pool;
        details.add(why);
    }

    public void deferred(String reason) {
        status = RowStatus.DEFERRED;
        details.add(reason);
    }

    public void deferred(String pool, String reason) {
        this.pool = pool;
        deferred(reason);
    }

    /** Settled before this run (an earlier run of the same file, or the deferred queue): nothing more to do. */
    public void settled(RowStatus status, Advisor advisor, String leadId, String note) {
        settled(status, advisor, leadId, note, "");
    }

    /** As above, in the routing {@code pool} the journal remembers for the row ("" when it does not know). */
    public void settled(RowStatus status, Advisor advisor, String leadId, String note, String pool) {
        this.pool = pool == null ? "" : pool;
        this.status = status;
        this.advisor = advisor;
        this.leadId = leadId == null ? "" : leadId;
        this.settledEarlier = true;
        details.add(note);
    }

    /**
     * As {@link #settled(RowStatus, Advisor, String, String, String)}, for a row whose outcome an earlier run of the
     * same file finished and reported: what it gave an advisor was counted then, and is not counted again.
     */
    public void settledAndReported(RowStatus status, Advisor advisor, String leadId, String note, String pool) {
        settled(status, advisor, leadId, note, pool);
        this.reportedBefore = true;
    }

    /** True when the outcome came from the journal rather than from this run. */
    public boolean settledEarlier() {
        return settledEarlier;
    }

    /** True when a finished earlier run of the same file already reported this row's outcome. */
    public boolean reportedBefore() {
        return reportedBefore;
    }

    public void note(String note) {
        details.add(note);
    }

    public void created(String leadId, String note) {
        this.leadId = leadId;
        status = RowStatus.CREATED;
        if (note != null) {
            details.add(note);
        }
    }

    /**
     * A run that stopped early: rows it did not finish say so, instead of looking planned — or deferred, in an apply
     * run, which queues its deferred rows only once it has finished.
     */
    public void unfinished(String reason, boolean plannedIsUnfinished) {
        boolean notQueued = status == RowStatus.DEFERRED && !settledEarlier;
        if (status == RowStatus.PENDING || plannedIsUnfinished && (status == RowStatus.PLANNED || notQueued)) {
            failed(reason);
        }
    }

    public void failed(String message) {
        status = RowStatus.ERROR;
        errorMessage = message;
    }
}
