package org.leadrouter.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.Allocator;
import org.leadrouter.roster.Roster;
import org.leadrouter.state.StateDatabase;

/**
 * Step 4: loads the roster and today's loads, then gives each remaining row to an advisor or defers it.
 * Consumes nothing: the rotation point is stored only once leads are really created.
 */
public final class AllocateLeads implements Processor {
    static final String ROTATION_KEY = "allocation.last-picked";

    private final TodayLoads loads;
    private final StateDatabase state;

    public AllocateLeads(TodayLoads loads, StateDatabase state) {
        this.loads = Objects.requireNonNull(loads, "loads == null");
        this.state = Objects.requireNonNull(state, "state == null");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionBatch batch = exchange.getMessage().getMandatoryBody(DistributionBatch.class);
        List<LeadRow> pending = batch.rows().stream().filter(r -> r.status() == RowStatus.PENDING).toList();
        if (pending.isEmpty()) {
            return;
        }
        Roster today = loads.load();
        today.notes().forEach(batch::note);
        Allocator allocator = new Allocator(today.advisors(), today.loadToday(), state.value(ROTATION_KEY).orElse(null));
        for (LeadRow row : pending) {
            Optional<Advisor> advisor = allocator.next();
            if (advisor.isPresent()) {
                row.planned(advisor.get());
            } else {
                row.deferred(today.advisors().isEmpty()
                        ? "no advisor available: " + String.join("; ", today.notes())
                        : "every advisor has reached the daily cap for " + today.day().date());
            }
        }
        batch.allocated(today, allocator.lastPicked());
    }
}
