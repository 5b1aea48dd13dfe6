package org.leadrouter.availability;

import java.util.Objects;
import java.util.Optional;

import org.leadrouter.allocation.Absences;
import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.allocation.RoutingRules;
import org.leadrouter.config.RoutingSettings;
import org.leadrouter.roster.Roster;

/** Puts today's roster together with the routing settings and the absences file in force: the planner's day. */
public final class Availability {
    private final RoutingSettings settings;
    private final AbsencesFile absences;

    public Availability(RoutingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.absences = settings.absencesFile().map(AbsencesFile::new).orElse(null);
    }

    public RoutingDay day(Roster roster) {
        return new RoutingDay(roster.day().date(), settings.calendar(), roster.advisors(), roster.loadToday(),
                settings.weights(), absences(), roster.notes());
    }

    public Absences absences() {
        return absences == null ? Absences.NONE : absences.current();
    }

    /** Why the absences file is not in force, when one is configured and it is not. */
    public Optional<String> absencesProblem() {
        return absences == null ? Optional.empty() : absences.problem();
    }

    public Optional<AbsencesFile> absencesFile() {
        return Optional.ofNullable(absences);
    }

    public RoutingRules rules() {
        return settings.rules();
    }

    public RoutingSettings settings() {
        return settings;
    }
}
