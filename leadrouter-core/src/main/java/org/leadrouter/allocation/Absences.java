package org.leadrouter.allocation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The absences the sales manager keeps: who is away on a given day. */
public record Absences(List<Absence> all) {
    public static final Absences NONE = new Absences(List.of());

    public Absences {
        all = List.copyOf(all);
    }

    /** Absences in force on {@code day}, by user name (lower case); the first listed wins for the note. */
    public Map<String, Absence> on(LocalDate day) {
        Map<String, Absence> away = new LinkedHashMap<>();
        for (Absence a : all) {
            if (a.covers(day)) {
                away.putIfAbsent(a.userName(), a);
            }
        }
        return away;
    }
}
