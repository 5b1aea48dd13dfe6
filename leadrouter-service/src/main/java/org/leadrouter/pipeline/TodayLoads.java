package org.leadrouter.pipeline;

import java.time.Clock;
import java.util.Objects;

import org.leadrouter.journal.Journal;
import org.leadrouter.allocation.Roster;
import org.leadrouter.roster.RosterLoader;

/**
 * Today's roster and loads: what VTiger shows, united with what the journal knows was created today (VTiger hides
 * leads converted since, and they still count).
 */
public final class TodayLoads {
    private final RosterLoader roster;
    private final Journal journal;
    private final Clock clock;

    public TodayLoads(RosterLoader roster, Journal journal, Clock clock) {
        this.roster = Objects.requireNonNull(roster, "roster == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public Roster load() {
        Roster fromVtiger = roster.load(clock);
        return fromVtiger.plus(journal.createdOn(fromVtiger.day().date()));
    }
}
