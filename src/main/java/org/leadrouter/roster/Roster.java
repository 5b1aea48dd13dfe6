package org.leadrouter.roster;

import java.util.List;
import java.util.Map;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.BusinessDay;

/** The advisors who can receive leads today, how many each already has, and notes on who was left out and why. */
public record Roster(BusinessDay day, List<Advisor> advisors, Map<String, Integer> loadToday, List<String> notes) {

    public Roster {
        advisors = List.copyOf(advisors);
        loadToday = Map.copyOf(loadToday);
        notes = List.copyOf(notes);
    }
}
