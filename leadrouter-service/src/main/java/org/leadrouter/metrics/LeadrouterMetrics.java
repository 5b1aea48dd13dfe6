package org.leadrouter.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;
import org.leadrouter.allocation.Roster;
import org.leadrouter.vtiger.VtigerCallListener;

/** leadrouter's own meters (VTiger calls, files, leads, advisors' capacity, deferred queue) in a Micrometer registry. */
public final class LeadrouterMetrics implements VtigerCallListener {
    /** Outcomes of {@link #fileFinished(String)}. */
    public static final String FILE_PROCESSED = "processed";
    public static final String FILE_ERROR = "error";
    public static final String FILE_RETRY = "retry";
    public static final String FILE_ALREADY_PROCESSED = "already-processed";
    /** The {@code pool} tag of rows routing never saw (invalid, duplicate). */
    public static final String NO_POOL = "none";
    private static final Set<String> FILE_OUTCOMES = Set.of(FILE_PROCESSED, FILE_ERROR, FILE_RETRY, FILE_ALREADY_PROCESSED);

    // Dotted names: the Prometheus registry turns them into leadrouter_vtiger_calls_seconds_*, leadrouter_files_total, ...
    static final String VTIGER_CALLS = "leadrouter.vtiger.calls";
    static final String FILES = "leadrouter.files";
    static final String LEADS = "leadrouter.leads";
    static final String LEADS_BY_ADVISOR = "leadrouter.leads.by.advisor";
    static final String REMAINING_CAPACITY = "leadrouter.advisor.remaining.capacity";
    static final String DEFERRED_QUEUE = "leadrouter.deferred.queue.size";
    static final String INBOX_OLDEST_AGE = "leadrouter.inbox.oldest.age";
    static final String HA_LEADER = "leadrouter.ha.leader";

    private final MeterRegistry registry;
    /** Gauges only hold weak references: the values they read must live here. */
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
    private final Map<String, Gauge> remainingGauges = new ConcurrentHashMap<>();

    private final AtomicInteger leader = new AtomicInteger();

    public LeadrouterMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
        Gauge.builder(HA_LEADER, leader, AtomicInteger::get)
                .description("1 on the node that distributes (the leader, or a daemon without high availability), 0 on a standby")
                .register(registry);
    }

    /** This node leads (1) or stands by (0). */
    public void leader(boolean leading) {
        leader.set(leading ? 1 : 0);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void called(String operation, String outcome, Duration elapsed) {
        Timer.builder(VTIGER_CALLS)
                .description("Requests sent to VTiger's webservice, by operation and outcome (ok, VTiger's error code, unavailable)")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .record(elapsed);
    }

    /**
     * One inbox file is done: {@code processed}, {@code error} (moved to the error folder), {@code retry} (left
     * in the inbox while VTiger is unavailable) or {@code already-processed} (the same content was seen before).
     *
     * @throws IllegalArgumentException for any other outcome: a typo must not create a new time series silently
     */
    public void fileFinished(String outcome) {
        if (!FILE_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("unknown file outcome '" + outcome + "', expected one of " + FILE_OUTCOMES);
        }
        Counter.builder(FILES).description("Inbox files finished, by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Counts the rows of a finished batch by status and by advisor, and updates the advisors' remaining capacity. */
    public synchronized void batchFinished(DistributionBatch batch) {
        Objects.requireNonNull(batch, "batch == null");
        Map<Map.Entry<RowStatus, String>, Integer> byStatus = new HashMap<>();
        for (LeadRow row : batch.rows()) {
            RowStatus status = row.status();
            if (status == RowStatus.PENDING) {
                continue;
            }
            byStatus.merge(Map.entry(status, row.pool().isEmpty() ? NO_POOL : row.pool()), 1, Integer::sum);
            // a finished earlier run of the same file counted its leads already
            if (row.advisor() != null && !row.reportedBefore() && (status == RowStatus.CREATED || status == RowStatus.PLANNED)) {
                Counter.builder(LEADS_BY_ADVISOR).description("Leads given to each advisor (created, or planned in dry-run)")
                        .tag("advisor", row.advisor().userName()).tag("status", status.label())
                        .register(registry).increment();
            }
        }
        byStatus.forEach((key, n) -> Counter.builder(LEADS).description("Rows of inbox files, by final status and routing pool")
                .tag("status", key.getKey().label()).tag("pool", key.getValue()).register(registry).increment(n));
        if (batch.roster() != null) {
            // today's loads already hold the leads settled from an earlier run: only this run's are added
            updateCapacity(batch.roster(), batch.assignedByThisRun());
        }
    }

    /** Exposes the number of files waiting for capacity (or for VTiger); registered once, later calls are ignored. */
    public void deferredQueue(IntSupplier size) {
        Objects.requireNonNull(size, "size == null");
        Gauge.builder(DEFERRED_QUEUE, size, IntSupplier::getAsInt)
                .description("Deferred leads or files waiting to be distributed again")
                .strongReference(true)
                .register(registry);
    }

    /** Exposes how long the oldest file in the inbox has waited, in seconds (0 when none waits); registered once. */
    public void inboxOldestAge(java.util.function.Supplier<org.leadrouter.glance.InboxStatus> status) {
        Objects.requireNonNull(status, "status == null");
        Gauge.builder(INBOX_OLDEST_AGE, status, s -> s.get().oldestAge().toMillis() / 1000.0)
                .description("How long the oldest file waiting in the inbox has waited")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private void updateCapacity(Roster roster, Map<String, Integer> assignedById) {
        Set<String> current = new HashSet<>();
        for (Advisor advisor : roster.advisors()) {
            String name = advisor.userName();
            current.add(name);
            int used = roster.loadToday().getOrDefault(advisor.id(), 0) + assignedById.getOrDefault(advisor.id(), 0);
            // Leads assigned by hand can push an advisor past the cap; "remaining" never goes below nothing.
            int left = Math.max(0, advisor.dailyCap() - used);
            remaining.computeIfAbsent(name, n -> {
                AtomicInteger value = new AtomicInteger();
                remainingGauges.put(n, Gauge.builder(REMAINING_CAPACITY, value, AtomicInteger::get)
                        .description("Leads each advisor can still receive today (cap minus today's load)")
                        .tag("advisor", n).register(registry));
                return value;
            }).set(left);
        }
        // An advisor who left the roster (inactive, excluded) must not keep advertising capacity.
        for (String gone : Set.copyOf(remaining.keySet())) {
            if (!current.contains(gone)) {
                remaining.remove(gone);
                Gauge gauge = remainingGauges.remove(gone);
                if (gauge != null) {
                    registry.remove(gauge);
                }
            }
        }
    }
}
