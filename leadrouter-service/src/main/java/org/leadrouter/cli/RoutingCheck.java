package org.leadrouter.cli;

import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.leadrouter.allocation.Absence;
import org.leadrouter.allocation.ExplanationText;
import org.leadrouter.allocation.Pool;
import org.leadrouter.allocation.RoutingRule;
import org.leadrouter.allocation.WorkingCalendar;
import org.leadrouter.availability.Availability;
import org.leadrouter.allocation.Roster;
import org.leadrouter.vtiger.VtigerUser;

/**
 * The routing part of {@code check}: rules, each pool with today's eligible members (absent, not an advisor or
 * unknown marked), the absences in force today and the working days. A pool naming a user VTiger does not know, or
 * an absences file that cannot be used, is a problem (exit code 2).
 */
final class RoutingCheck {
    private RoutingCheck() {
    }

    /** Prints the routing for the roster's day; returns false when something must be fixed (said on {@code err}). */
    static boolean print(PrintWriter out, PrintWriter err, Roster roster, List<VtigerUser> activeUsers, Availability availability) {
        boolean ok = true;
        LocalDate today = roster.day().date();
        Map<String, Absence> away = availability.absences().on(today);
        Set<String> known = activeUsers.stream().map(u -> u.userName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> advisors = roster.advisors().stream().map(a -> a.userName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        out.println("Routing:");
        for (RoutingRule rule : availability.rules().rules()) {
            out.println("  " + ExplanationText.rule(rule));
        }
        if (availability.rules().isEmpty()) {
            out.println("  (no rules: every lead goes to pool " + Pool.DEFAULT + ")");
        }
        for (Pool pool : availability.rules().pools()) {
            List<String> members = new ArrayList<>();
            int eligible = 0;
            for (String m : pool.members()) {
                if (!known.contains(m)) {
                    members.add(m + " [UNKNOWN: not an active VTiger user]");
                    err.println("error: routing.pool." + pool.name() + ": '" + m + "' is not an active VTiger user");
                    ok = false;
                } else if (!advisors.contains(m)) {
                    members.add(m + " [not an advisor: an admin or excluded]");
                } else if (away.containsKey(m)) {
                    members.add(m + " [absent" + until(away.get(m)) + "]");
                } else {
                    members.add(m);
                    eligible++;
                }
            }
            out.printf("  pool %-12s %d eligible today: %s%n", pool.name(), eligible, String.join(", ", members));
        }
        long everyone = roster.advisors().stream().filter(a -> !away.containsKey(a.userName().toLowerCase(Locale.ROOT))).count();
        out.printf("  pool %-12s %d eligible today: every advisor not absent%n", Pool.DEFAULT, everyone);
        availability.settings().weights().forEach((user, weight) -> out.println("  weight " + user + " " + weight
                + (advisors.contains(user) ? "" : " [not an advisor today]")));

        availability.absencesFile().ifPresent(f -> out.println("Absences file: " + f.path().toAbsolutePath()
                + " (" + availability.absences().all().size() + " absences)"));
        if (availability.absencesProblem().isPresent()) {
            err.println("error: availability.absences-file: " + availability.absencesProblem().get()
                    + " (the last good version stays in force)");
            ok = false;
        }
        out.println("Absences in force on " + today + ":" + (away.isEmpty() ? " none" : ""));
        for (Absence a : away.values()) {
            out.println("  " + a.userName() + until(a) + (advisors.contains(a.userName()) ? "" : " [not an advisor today]"));
        }
        WorkingCalendar calendar = availability.settings().calendar();
        out.println("Working days: " + days(calendar.workingDays()) + (calendar.holidays().isEmpty() ? ""
                : "; holidays " + calendar.holidays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "))));
        out.println("Today " + day(today) + " is " + (calendar.isWorkingDay(today) ? "a working day" : "NOT a working day: leads are deferred")
                + "; next working day " + day(calendar.nextWorkingDay(today)));
        return ok;
    }

    private static String until(Absence a) {
        return " until " + a.to() + (a.note().isBlank() ? "" : ": " + a.note());
    }

    private static String day(LocalDate date) {
        return date + " (" + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }
}
