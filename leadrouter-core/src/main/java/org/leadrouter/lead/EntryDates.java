package org.leadrouter.lead;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the entry dates spreadsheets produce (day first, as in Spain) and gives them back as ISO dates. */
public final class EntryDates {

    // Optional time after the date: "10:15", "10:15:30", "10:15:30.123", "10:15 a. m.", "T10:15:30Z", "+02:00"
    private static final String TIME = "(?:(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
            + "(?:\\s*[ap]\\.?\\s*m\\.?)?(?:\\s*(?:Z|[+-]\\d{2}:?\\d{2}))?)?";
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME, Pattern.CASE_INSENSITIVE);

    /** The century of a two-digit year: 25 is 2025 (java.time's pivot for "yy"). */
    private static final String TWO_DIGIT_CENTURY = "20";

    private EntryDates() {
    }

    /**
     * The date as yyyy-MM-dd, or empty if the text is not one of dd/MM/yyyy, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy,
     * yyyy-MM-dd (each with an optional time), or a day-first date with a two-digit year (05/07/25), which is taken
     * in 2000–2099 as java.time's "yy" does: an entry date is recent, never of the last century. Month-first dates are
     * not guessed: 07/28/2025 is not a date.
     */
    public static Optional<String> toIso(String raw) {
        String value = Texts.collapse(raw);
        Matcher m = DAY_FIRST.matcher(value);
        if (m.matches()) {
            String year = m.group(4).length() == 2 ? TWO_DIGIT_CENTURY + m.group(4) : m.group(4);
            return date(year, m.group(3), m.group(1));
        }
        m = YEAR_FIRST.matcher(value);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    /** True when the text reads as a date; used to spot columns that were swapped. */
    public static boolean looksLikeDate(String raw) {
        return toIso(raw).isPresent();
    }

    private static Optional<String> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .toString());
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/02/2025 and the like
        }
    }
}
