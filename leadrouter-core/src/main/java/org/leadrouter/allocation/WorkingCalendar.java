package org.leadrouter.allocation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The days leads are handed out: working days of the week, minus public holidays. Default: every day. */
public record WorkingCalendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
    public static final WorkingCalendar EVERY_DAY = new WorkingCalendar(EnumSet.allOf(DayOfWeek.class), Set.of());

    public WorkingCalendar {
        Objects.requireNonNull(workingDays, "workingDays == null");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day of the week is needed");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        // every week has a working day; holidays are finite, so this ends
        for (int i = 0; i < 366 * 10 && !isWorkingDay(next); i++) {
            next = next.plusDays(1);
        }
        return next;
    }
}
