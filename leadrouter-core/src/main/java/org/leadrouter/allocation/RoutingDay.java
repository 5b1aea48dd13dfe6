package org.leadrouter.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about the day that routing needs: the date and whether leads are handed out on it, the roster with
 * today's loads (by advisor id) and caps, the weights (by user name in lower case), who is absent, and notes on
 * the roster (why it may be empty).
 */
public record RoutingDay(LocalDate date, WorkingCalendar calendar, List<Advisor> advisors, Map<String, Integer> loadToday,
                         Map<String, Weight> weights, Absences absences, List<String> rosterNotes) {

    public RoutingDay {
        Objects.requireNonNull(date, "date == null");
        Objects.requireNonNull(calendar, "calendar == null");
        advisors = List.copyOf(advisors);
        loadToday = Map.copyOf(loadToday);
        weights = Map.copyOf(weights);
        Objects.requireNonNull(absences, "absences == null");
        rosterNotes = List.copyOf(rosterNotes);
    }

    /** A day with no routing configuration: every day works, weights 1, nobody absent (today's behaviour). */
    public static RoutingDay plain(LocalDate date, List<Advisor> advisors, Map<String, Integer> loadToday, List<String> notes) {
        return new RoutingDay(date, WorkingCalendar.EVERY_DAY, advisors, loadToday, Map.of(), Absences.NONE, notes);
    }

    public boolean workingDay() {
        return calendar.isWorkingDay(date);
    }

    public LocalDate nextWorkingDay() {
        return calendar.nextWorkingDay(date);
    }

    public Weight weightOf(String userName) {
        return weights.getOrDefault(userName.toLowerCase(java.util.Locale.ROOT), Weight.ONE);
    }
}
