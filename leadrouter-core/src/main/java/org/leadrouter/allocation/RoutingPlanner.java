package org.leadrouter.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.leadrouter.allocation.Explanation.Assigned;
import org.leadrouter.allocation.Explanation.Deferred;
import org.leadrouter.allocation.Explanation.Reason;
import org.leadrouter.allocation.Explanation.Unavailable;
import org.leadrouter.allocation.Explanation.Why;

/**
 * Plans a day's leads, one at a time in order: the first matching rule names the pool (else the default pool,
 * everyone available); the lead goes to the pool member with the lowest weighted load below their cap
 * ({@link Allocator}); a full or empty pool defers the lead, or overflows to the default pool when its rule allows.
 * On a non-working day every lead is deferred. Absent advisors receive nothing. Pure and deterministic: the same
 * day, rules, rotation point and leads give the same plan.
 */
public final class RoutingPlanner {
    private final RoutingDay day;
    private final RoutingRules rules;
    private final Allocator allocator;
    private final Map<String, Set<String>> poolIds = new HashMap<>();
    private final Map<String, List<Unavailable>> poolUnavailable = new HashMap<>();
    private final Set<String> availableIds = new HashSet<>();
    private final List<Unavailable> absentAdvisors = new ArrayList<>();

    public RoutingPlanner(RoutingDay day, RoutingRules rules, String lastPicked) {
        this.day = Objects.requireNonNull(day, "day == null");
        this.rules = Objects.requireNonNull(rules, "rules == null");
        Map<String, Absence> away = day.absences().on(day.date());
        Map<String, Advisor> byUser = new HashMap<>();
        List<Advisor> available = new ArrayList<>();
        for (Advisor a : day.advisors()) {
            String user = a.userName().toLowerCase(Locale.ROOT);
            byUser.put(user, a);
            Absence absence = away.get(user);
            if (absence == null) {
                available.add(a);
                availableIds.add(a.id());
            } else {
                absentAdvisors.add(new Unavailable(a.userName(), Why.ABSENT, absence.note()));
            }
        }
        for (Pool p : rules.pools()) {
            Set<String> ids = new HashSet<>();
            List<Unavailable> unavailable = new ArrayList<>();
            for (String member : p.members()) {
                Advisor a = byUser.get(member);
                if (a == null) {
                    unavailable.add(new Unavailable(member, Why.NOT_AN_ADVISOR, ""));
                } else if (availableIds.contains(a.id())) {
                    ids.add(a.id());
                } else {
                    unavailable.add(new Unavailable(a.userName(), Why.ABSENT, away.get(member).note()));
                }
            }
            poolIds.put(p.name(), ids);
            poolUnavailable.put(p.name(), unavailable);
        }
        this.allocator = new Allocator(available, day.loadToday(), day.weights(), lastPicked);
    }

    /** Plans the next lead. */
    public Assignment plan(LeadAttributes lead) {
        Optional<RuleMatch> match = rules.route(lead);
        PoolChoice routed = match.map(m -> new PoolChoice(m.rule().pool(), match, true))
                .orElseGet(() -> PoolChoice.defaultPool(!rules.isEmpty()));
        if (!day.workingDay()) {
            return deferred(routed, Reason.NON_WORKING_DAY, List.of());
        }
        if (match.isEmpty()) {
            return inDefaultPool(routed, null);
        }
        String pool = routed.pool();
        Set<String> members = poolIds.get(pool);
        Optional<Allocator.Pick> pick = members.isEmpty() ? Optional.empty() : allocator.pick(a -> members.contains(a.id()));
        if (pick.isPresent()) {
            return assigned(routed, null, pick.get());
        }
        Assignment refused = members.isEmpty()
                ? deferred(routed, Reason.POOL_EMPTY, poolUnavailable.get(pool))
                : deferred(routed, Reason.POOL_FULL, poolUnavailable.get(pool));
        if (!match.get().rule().overflow()) {
            return refused;
        }
        return inDefaultPool(routed, (Deferred) refused.explanation());
    }

    private Assignment inDefaultPool(PoolChoice routed, Deferred overflowFrom) {
        Optional<Allocator.Pick> pick = availableIds.isEmpty() ? Optional.empty() : allocator.pick(a -> true);
        if (pick.isPresent()) {
            return assigned(routed, overflowFrom, pick.get());
        }
        if (overflowFrom != null) {
            // the lead waits for its own pool, saying that the default pool could not take it either
            return new Assignment(Optional.empty(), new Deferred(routed, overflowFrom.reason(), day.date(),
                    day.nextWorkingDay(), overflowFrom.unavailable(), day.rosterNotes(), true));
        }
        return deferred(routed, availableIds.isEmpty() ? Reason.POOL_EMPTY : Reason.POOL_FULL, absentAdvisors);
    }

    private Assignment assigned(PoolChoice routed, Deferred overflowFrom, Allocator.Pick pick) {
        return new Assignment(Optional.of(pick.advisor()), new Assigned(routed, overflowFrom, pick.advisor().userName(),
                pick.loadBefore(), pick.advisor().dailyCap(), pick.weight(),
                pick.tiedWith().stream().map(Advisor::userName).toList()));
    }

    private Assignment deferred(PoolChoice routed, Reason reason, List<Unavailable> unavailable) {
        return new Assignment(Optional.empty(), new Deferred(routed, reason, day.date(), day.nextWorkingDay(),
                unavailable, day.rosterNotes(), false));
    }

    /** Plans every lead, in order. */
    public List<Assignment> planAll(List<LeadAttributes> leads) {
        List<Assignment> plan = new ArrayList<>(leads.size());
        for (LeadAttributes lead : leads) {
            plan.add(plan(lead));
        }
        return plan;
    }

    /** Plans every lead and returns the loads after, by advisor id. */
    public Map<String, Integer> loadsAfter(List<LeadAttributes> leads) {
        planAll(leads);
        return loads();
    }

    /** Load per advisor id (absent advisors too), including what was planned. */
    public Map<String, Integer> loads() {
        Map<String, Integer> loads = new HashMap<>();
        for (Advisor a : day.advisors()) {
            loads.put(a.id(), Math.max(0, day.loadToday().getOrDefault(a.id(), 0)));
        }
        loads.putAll(allocator.loads());
        return loads;
    }

    /** Where the tie rotation resumes next time. */
    public String lastPicked() {
        return allocator.lastPicked();
    }
}
