package org.leadrouter.daemon;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.StringJoiner;

import org.leadrouter.allocation.RoutingPlanner;
import org.leadrouter.allocation.WorkingCalendar;
import org.leadrouter.availability.Availability;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.pipeline.AllocateLeads;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.pipeline.LoadDeferred;
import org.leadrouter.pipeline.TodayLoads;
import org.leadrouter.batch.RowStatus;
import org.leadrouter.allocation.Roster;
import org.leadrouter.state.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers deferred leads again, before any new file: once at the start of each business day, and whenever there is
 * capacity left today (e.g. after a cap was raised). Each such run writes its own report to the outbox.
 */
public final class DeferredRelease {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredRelease.class);
    static final String LAST_OFFERED = "deferred.last-offered-day";

    private final TodayLoads todayLoads;
    private final Availability availability;
    private final LoadDeferred loadDeferred;
    private final Journal journal;
    private final StateDatabase state;
    private final FileOutcomes outcomes;
    private final ZoneId businessZone;
    private final Clock clock;
    private final DaemonEvents events;
    private final DeferredQueueCopy copy;

    public DeferredRelease(TodayLoads todayLoads, Availability availability, LoadDeferred loadDeferred, Journal journal,
                           StateDatabase state, FileOutcomes outcomes, DeferredQueueCopy copy, ZoneId businessZone,
                           Clock clock, DaemonEvents events) {
        this.todayLoads = Objects.requireNonNull(todayLoads, "todayLoads == null");
        this.availability = Objects.requireNonNull(availability, "availability == null");
        this.loadDeferred = Objects.requireNonNull(loadDeferred, "loadDeferred == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.state = Objects.requireNonNull(state, "state == null");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes == null");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.events = Objects.requireNonNull(events, "events == null");
        this.copy = Objects.requireNonNull(copy, "copy == null");
    }

    /**
     * Before each file: the queue is due when this business day has not offered it yet and is a working day (a lead
     * deferred on a non-working day goes out first thing on the next working day). An empty queue at the day's first
     * look counts as offered: leads deferred later today wait for capacity or the next business day, instead of being
     * offered again at once only to stay deferred (a report of nothing but "deferred" rows). Cheap.
     */
    public boolean dueForNewDay() {
        LocalDate today = today();
        if (today.toString().equals(state.value(LAST_OFFERED).orElse(""))) {
            return false;
        }
        if (journal.deferredCount() == 0) {
            state.putValue(LAST_OFFERED, today.toString());
            return false;
        }
        return calendar().isWorkingDay(today);
    }

    /** The first offer of the day, saying why it is made. */
    public DistributionRequest offerForNewDay() {
        return offer(firstOfferToday(today()));
    }

    /** Why the queue is offered at the first look of the day: leads of an earlier day, or only of today's runs. */
    private String firstOfferToday(LocalDate today) {
        boolean fromEarlierDay = journal.deferredQueue().stream().anyMatch(d -> d.deferredOn().isBefore(today));
        return fromEarlierDay ? "a new business day" : "first check today of leads deferred earlier today (e.g. by"
                + " 'leadrouter run') while advisors may have capacity";
    }

    /**
     * Periodically: the queue is due when at least one queued lead would now find an advisor of its pool (e.g. a cap
     * was raised, or an advisor is back). Costs a roster query when leads are queued.
     */
    public boolean capacityLeft() {
        return journal.deferredCount() > 0 && calendar().isWorkingDay(today()) && someLeadFits();
    }

    /** The offer made because capacity is available. */
    public DistributionRequest offerForCapacity() {
        return offer("capacity is available");
    }

    /** Plans the queue against today's roster, without consuming anything: would any lead be given out? */
    private boolean someLeadFits() {
        Roster roster = todayLoads.load();
        if (roster.remainingCapacity() == 0) {
            return false;
        }
        RoutingPlanner planner = new RoutingPlanner(availability.day(roster), availability.rules(), null);
        for (DeferredLead lead : journal.deferredQueue()) {
            // a lead waiting for its unanswered create to settle is not offered (that would only write empty reports)
            if (loadDeferred.offerable(lead) && planner.plan(AllocateLeads.attributes(lead.raw())).advisor().isPresent()) {
                return true;
            }
        }
        return false;
    }

    private WorkingCalendar calendar() {
        return availability.settings().calendar();
    }

    /** The run that offers the queue again, with its own report in the outbox; {@code why} is logged. */
    private DistributionRequest offer(String why) {
        int queued = journal.deferredCount();
        StringJoiner byPool = new StringJoiner(", ");
        journal.deferredByPool().forEach((pool, n) -> byPool.add((pool.isEmpty() ? "no pool" : pool) + " " + n));
        LOG.info("offering {} deferred lead(s) again ({}): {}", queued, byPool, why);
        return DistributionRequest.deferredQueue(outcomes.reportFor(LoadDeferred.NAME + ".csv"));
    }

    /** The queue went through the pipeline: remembered for today, and said in one line. */
    public void released(DistributionBatch batch) {
        state.putValue(LAST_OFFERED, today().toString());
        copy.refresh();
        String pools = batch.poolSummary();
        LOG.info("deferred leads: {} created, {} still deferred, {} duplicate{} (report {})",
                batch.count(RowStatus.CREATED), batch.count(RowStatus.DEFERRED),
                batch.count(RowStatus.DUPLICATE), pools.isEmpty() ? "" : "; pools: " + pools,
                batch.request().report().getFileName());
        events.deferredProcessed(batch);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
