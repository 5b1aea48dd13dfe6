package org.leadrouter.allocation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** An advisor away from {@code from} to {@code to} (both included), with the manager's note and the file line. */
public record Absence(String userName, LocalDate from, LocalDate to, String note, int line) {

    public Absence {
        Objects.requireNonNull(userName, "userName == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        userName = userName.toLowerCase(Locale.ROOT);
        note = note == null ? "" : note;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the absence of " + userName + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
