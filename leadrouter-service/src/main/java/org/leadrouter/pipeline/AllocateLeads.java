package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;

import java.util.List;
import java.util.Objects;

import org.leadrouter.allocation.Assignment;
import org.leadrouter.allocation.ExplanationText;
import org.leadrouter.allocation.LeadAttributes;
import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.allocation.RoutingPlanner;
import org.leadrouter.availability.Availability;
import org.leadrouter.lead.RawLead;
import org.leadrouter.allocation.Roster;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.i18n.Messages;

/**
 * Step 4: loads the roster and today's loads, then routes each remaining row to an advisor of its pool or defers
 * it, with the reason in its {@code Detail}. Consumes nothing: the rotation point is stored only once leads are
 * really created.
 */
public final class AllocateLeads {
    static final String ROTATION_KEY = "allocation.last-picked";

    private final TodayLoads loads;
    private final StateDatabase state;
    private final Availability availability;

    public AllocateLeads(TodayLoads loads, StateDatabase state, Availability availability) {
        this.loads = Objects.requireNonNull(loads, "loads == null");
        this.state = Objects.requireNonNull(state, "state == null");
        this.availability = Objects.requireNonNull(availability, "availability == null");
    }

    public DistributionBatch allocate(DistributionBatch batch) throws Exception {
        List<LeadRow> pending = batch.rows().stream().filter(r -> r.status() == RowStatus.PENDING).toList();
        if (pending.isEmpty()) {
            return batch;
        }
        Roster today = loads.load();
        today.notes().forEach(batch::note);
        availability.absencesProblemForTeam().ifPresent(p -> batch.note(Messages.t("note.absences-not-in-force", p)));
        RoutingDay day = availability.day(today);
        RoutingPlanner planner = new RoutingPlanner(day, availability.rules(),
                state.value(ROTATION_KEY).orElse(null));
        for (LeadRow row : pending) {
            Assignment a = planner.plan(attributes(row.raw()));
            String detail = ExplanationText.detail(a.explanation());
            if (a.advisor().isPresent()) {
                row.planned(a.advisor().get(), a.explanation().pool(), detail);
            } else {
                row.deferred(a.explanation().pool(), detail);
            }
        }
        batch.allocated(today, planner.lastPicked(), day);
        return batch;
    }

    /** What routing rules can test in a row. */
    public static LeadAttributes attributes(RawLead raw) {
        return LeadAttributes.of(raw.course(), raw.source(), raw.others())
                .withContact(raw.name(), raw.email(), raw.phone(), raw.entryDate());
    }
}
