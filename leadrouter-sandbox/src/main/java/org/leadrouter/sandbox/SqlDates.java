package org.leadrouter.sandbox;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a date or date-time the way MySQL reads a string compared with a DATETIME column: any punctuation between parts. */
final class SqlDates {

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\s*(\\d{4})[^\\d](\\d{1,2})[^\\d](\\d{1,2})(?:[ T](\\d{1,2})[^\\d](\\d{1,2})(?:[^\\d](\\d{1,2}))?)?\\s*");

    private SqlDates() {
    }

    static Optional<LocalDateTime> parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), number(m, 6)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        String g = m.group(group);
        return g == null ? 0 : Integer.parseInt(g);
    }
}
