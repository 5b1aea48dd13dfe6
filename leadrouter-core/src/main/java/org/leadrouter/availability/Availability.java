package org.leadrouter.availability;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.leadrouter.allocation.Absences;
import org.leadrouter.allocation.Pool;
import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.allocation.RoutingRules;
import org.leadrouter.config.RoutingSettings;
import org.leadrouter.allocation.Roster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts today's roster together with the routing settings and the absences file in force: the planner's day. */
public final class Availability {
    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);
    private final RoutingSettings settings;
    private final AbsencesFile absences;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public Availability(RoutingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.absences = settings.absencesFile().map(AbsencesFile::new).orElse(null);
    }

    public RoutingDay day(Roster roster) {
        warnAboutMissingMembers(roster);
        return new RoutingDay(roster.day().date(), settings.calendar(), roster.advisors(), roster.loadToday(),
                settings.weights(), absences(), roster.notes());
    }

    /** A pool member who is not an advisor (unknown to VTiger, inactive, an admin, excluded): logged once. */
    private void warnAboutMissingMembers(Roster roster) {
        Set<String> advisors = new HashSet<>();
        roster.advisors().forEach(a -> advisors.add(a.userName().toLowerCase(Locale.ROOT)));
        for (Pool pool : settings.rules().pools()) {
            for (String member : pool.members()) {
                if (!advisors.contains(member) && warned.add(pool.name() + "/" + member)) {
                    LOG.warn("routing.pool.{} names '{}', who is not an advisor in VTiger today (unknown, inactive, an admin"
                            + " or excluded); the pool goes on without them", pool.name(), member);
                }
            }
        }
    }

    public Absences absences() {
        return absences == null ? Absences.NONE : absences.current();
    }

    /** Why the absences file is not in force, when one is configured and it is not. */
    public Optional<String> absencesProblem() {
        return absences == null ? Optional.empty() : absences.problem();
    }

    /** The same, in the sales team's language, for the notes of a run. */
    public Optional<String> absencesProblemForTeam() {
        return absences == null ? Optional.empty() : absences.problemForTeam();
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
