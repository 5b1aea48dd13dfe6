package org.leadrouter.daemon;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.StringJoiner;

import org.leadrouter.allocation.RoutingPlanner;
import org.leadrouter.allocation.WorkingCalendar;
import org.leadrouter.app.Leadrouter;
import org.leadrouter.availability.Availability;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.pipeline.AllocateLeads;
import org.leadrouter.pipeline.DistributionRequest;
import org.leadrouter.pipeline.DistributionBatch;
import org.leadrouter.pipeline.LoadDeferred;
import org.leadrouter.pipeline.RowStatus;
import org.leadrouter.roster.Roster;
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

    private final Leadrouter app;
    private final Journal journal;
    private final StateDatabase state;
    private final FileOutcomes outcomes;
    private final ZoneId businessZone;
    private final Clock clock;
    private final DaemonEvents events;

    public DeferredRelease(Leadrouter app, StateDatabase state, FileOutcomes outcomes, ZoneId businessZone, Clock clock,
                           DaemonEvents events) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.journal = app.journal();
        this.state = Objects.requireNonNull(state, "state == null");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes == null");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.events = Objects.requireNonNull(events, "events == null");
    }

    /**
     * Before each file: offers the queue when this business day has not seen it yet and is a working day (a lead
     * deferred on a non-working day goes out first thing on the next working day). Cheap otherwise.
     */
    public synchronized void releaseIfNewDay() throws Exception {
        LocalDate today = today();
        if (journal.deferredCount() > 0 && !today.toString().equals(state.value(LAST_OFFERED).orElse(""))
                && calendar().isWorkingDay(today)) {
            release(firstOfferToday(today));
        }
    }

    /** Why the queue is offered at the first look of the day: leads of an earlier day, or only of today's runs. */
    private String firstOfferToday(LocalDate today) {
        boolean fromEarlierDay = journal.deferredQueue().stream().anyMatch(d -> d.deferredOn().isBefore(today));
        return fromEarlierDay ? "a new business day" : "first check today of leads deferred earlier today (e.g. by"
                + " 'leadrouter run') while advisors may have capacity";
    }

    /**
     * Periodically: offers the queue when at least one queued lead would now find an advisor of its pool (e.g. a cap
     * was raised, or an advisor is back). Costs a roster query when leads are queued.
     */
    public synchronized void releaseIfCapacity() throws Exception {
        releaseIfNewDay();
        if (journal.deferredCount() > 0 && calendar().isWorkingDay(today()) && someLeadFits()) {
            release("capacity is available");
        }
    }

    /** Plans the queue against today's roster, without consuming anything: would any lead be given out? */
    private boolean someLeadFits() {
        Roster roster = app.steps().todayLoads().load();
        if (roster.remainingCapacity() == 0) {
            return false;
        }
        Availability availability = app.steps().availability();
        RoutingPlanner planner = new RoutingPlanner(availability.day(roster), availability.rules(), null);
        for (DeferredLead lead : journal.deferredQueue()) {
            if (planner.plan(AllocateLeads.attributes(lead.raw())).advisor().isPresent()) {
                return true;
            }
        }
        return false;
    }

    private WorkingCalendar calendar() {
        return app.steps().availability().settings().calendar();
    }

    private void release(String why) throws Exception {
        int queued = journal.deferredCount();
        StringJoiner byPool = new StringJoiner(", ");
        journal.deferredByPool().forEach((pool, n) -> byPool.add((pool.isEmpty() ? "no pool" : pool) + " " + n));
        LOG.info("offering {} deferred lead(s) again ({}): {}", queued, byPool, why);
        DistributionBatch batch = app.processDeferred(DistributionRequest.deferredQueue(outcomes.reportFor(LoadDeferred.NAME + ".csv")));
        state.putValue(LAST_OFFERED, today().toString());
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
