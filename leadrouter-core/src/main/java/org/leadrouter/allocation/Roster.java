package org.leadrouter.allocation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The advisors who can receive leads today, how many each already has (by advisor id), the ids of the leads
 * counted, and notes on who was left out and why.
 */
public record Roster(BusinessDay day, List<Advisor> advisors, Map<String, Integer> loadToday,
                     Map<String, Set<String>> leadsToday, List<String> notes) {

    public Roster {
        advisors = List.copyOf(advisors);
        loadToday = Map.copyOf(loadToday);
        leadsToday = Map.copyOf(leadsToday);
        notes = List.copyOf(notes);
    }

    /**
     * This roster with more leads counted: those the journal knows were created today but VTiger no longer shows
     * (a lead converted since is hidden from queries). Each lead id counts once.
     */
    public Roster plus(Map<String, Set<String>> moreLeadsToday) {
        Map<String, Set<String>> merged = new HashMap<>();
        leadsToday.forEach((advisor, ids) -> merged.put(advisor, new HashSet<>(ids)));
        moreLeadsToday.forEach((advisor, ids) -> merged.computeIfAbsent(advisor, a -> new HashSet<>()).addAll(ids));
        Map<String, Integer> loads = new HashMap<>();
        for (Advisor a : advisors) {
            loads.put(a.id(), merged.getOrDefault(a.id(), Set.of()).size());
        }
        return new Roster(day, advisors, loads, merged, notes);
    }

    /** Places left today over all advisors. */
    public int remainingCapacity() {
        return advisors.stream().mapToInt(a -> Math.max(0, a.dailyCap() - loadToday.getOrDefault(a.id(), 0))).sum();
    }
}
