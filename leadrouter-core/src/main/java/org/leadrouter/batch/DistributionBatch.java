package org.leadrouter.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.List;
import java.util.Objects;

import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.allocation.Roster;

/** One file going through the pipeline: its rows, and what the run learnt on the way (roster, notes). */
public final class DistributionBatch {
    private final DistributionRequest request;
    private final LeadFile file;
    private long journalRun = -1;
    private final String contentHash;
    private final List<LeadRow> rows;
    private final List<String> notes = new ArrayList<>();
    private Roster roster;
    private String rotationAfter;
    private RoutingDay routingDay;
    private final java.util.concurrent.atomic.AtomicReference<Exception> halt = new java.util.concurrent.atomic.AtomicReference<>();

    public DistributionBatch(DistributionRequest request, LeadFile file, String contentHash) {
        this.request = Objects.requireNonNull(request, "request == null");
        this.file = Objects.requireNonNull(file, "file == null");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash == null");
        this.rows = file.rows().stream().map(r -> new LeadRow(r, new RowOrigin(contentHash, r.row(), file.displayName()))).toList();
        this.notes.addAll(file.warnings());
    }

    /** A batch whose rows come from elsewhere than one file (the deferred queue), each keeping its own origin. */
    public DistributionBatch(DistributionRequest request, LeadFile file, String contentHash, List<LeadRow> rows) {
        this.request = Objects.requireNonNull(request, "request == null");
        this.file = Objects.requireNonNull(file, "file == null");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash == null");
        this.rows = List.copyOf(rows);
    }

    public DistributionRequest request() { return request; }
    public LeadFile file() { return file; }
    public String contentHash() { return contentHash; }
    public List<LeadRow> rows() { return rows; }
    public List<String> notes() { return List.copyOf(notes); }
    public Roster roster() { return roster; }
    public String rotationAfter() { return rotationAfter; }
    public boolean apply() { return request.mode() == Mode.APPLY; }
    /** The journal's id for this run, or -1 when nothing is journalled (dry-run). */
    public long journalRun() { return journalRun; }

    public void journalRun(long id) {
        this.journalRun = id;
    }

    /** Rows allocated to an advisor and waiting to be created (the rows the create step splits over). */
    public List<LeadRow> plannedRows() {
        return rows.stream().filter(r -> r.status() == RowStatus.PLANNED).toList();
    }

    /**
     * Leads this run gave each advisor (created, or planned in a dry-run), by advisor id. Rows settled from an earlier
     * run are not among them: their leads are already in VTiger (or the journal), so today's loads count them.
     */
    public Map<String, Integer> assignedByThisRun() {
        Map<String, Integer> byId = new TreeMap<>();
        for (LeadRow r : rows) {
            if (r.advisor() != null && !r.settledEarlier()
                    && (r.status() == RowStatus.CREATED || r.status() == RowStatus.PLANNED)) {
                byId.merge(r.advisor().id(), 1, Integer::sum);
            }
        }
        return byId;
    }

    public long count(RowStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /**
     * Rows routed to each pool by status (planned, created, deferred), pools in name order, e.g.
     * {@code default: 7 planned; sanidad: 2 planned, 1 deferred}; "" when routing saw no row.
     */
    public String poolSummary() {
        StringJoiner pools = new StringJoiner("; ");
        poolCounts().forEach((pool, counts) -> {
            StringJoiner c = new StringJoiner(", ");
            counts.forEach((status, n) -> c.add(n + " " + status.label()));
            pools.add(pool + ": " + c);
        });
        return pools.toString();
    }

    /** Rows routed to each pool (in name order), counted by status; empty when routing saw no row. */
    public Map<String, Map<RowStatus, Integer>> poolCounts() {
        Map<String, Map<RowStatus, Integer>> byPool = new TreeMap<>();
        for (LeadRow r : rows) {
            if (!r.pool().isEmpty()) {
                byPool.computeIfAbsent(r.pool(), p -> new EnumMap<>(RowStatus.class)).merge(r.status(), 1, Integer::sum);
            }
        }
        return byPool;
    }

    /** The run stopped early: rows not finished become errors with {@code reason}. */
    public void stopped(String reason) {
        rows.forEach(r -> r.unfinished(reason, apply()));
        notes.add(reason);
    }

    /**
     * Creating must stop (VTiger unavailable, the login refused, a stop requested): rows not yet begun are left
     * unsent, rows in flight finish. The first reason is kept.
     */
    public void halt(Exception reason) {
        halt.compareAndSet(null, reason);
    }

    /** Why creating stopped, or null. */
    public Exception haltReason() {
        return halt.get();
    }

    public void note(String note) {
        notes.add(note);
    }

    public void allocated(Roster roster, String rotationAfter) {
        this.roster = roster;
        this.rotationAfter = rotationAfter;
    }

    public void allocated(Roster roster, String rotationAfter, RoutingDay routingDay) {
        allocated(roster, rotationAfter);
        this.routingDay = routingDay;
    }

    /** The day as routing saw it (weights, absences, working day), or null when nothing was allocated. */
    public RoutingDay routingDay() {
        return routingDay;
    }
}
