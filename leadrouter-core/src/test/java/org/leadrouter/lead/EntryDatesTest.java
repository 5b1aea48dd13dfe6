package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entry dates written day-first, as in Spain, become ISO dates; anything else is not guessed. */
class EntryDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"28/07/2025", "28/7/2025", "28-07-2025", "28.07.2025", "2025-07-28", " 28/07/2025 ",
            "28/07/2025 10:15", "28/07/2025 10:15:30", "2025-07-28T10:15:30", "2025-07-28 10:15:30.123",
            "28/07/2025 10:15 a. m.", "2025-07-28T10:15:30+02:00"})
    void dayFirstAndIsoDatesAreRead(String raw) {
        assertThat(EntryDates.toIso(raw)).contains("2025-07-28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/8/2025", "01/08/2025"})
    void singleDigitDayAndMonthAreRead(String raw) {
        assertThat(EntryDates.toIso(raw)).contains("2025-08-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"28/07/25", "28/7/25", "28.07.25", "28-07-25 10:15"})
    void twoDigitYearsAreThisCentury(String raw) {
        assertThat(EntryDates.toIso(raw)).contains("2025-07-28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"05/07/99", "5/7/99"})
    void twoDigitYearsAreNeverTheLastCentury(String raw) {
        assertThat(EntryDates.toIso(raw)).contains("2099-07-05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Salud", "07/28/2025", "07/28/25", "31/02/2025", "31/02/25", "28/07/2", "28/07/025",
            "28/07-2025", "ayer", "45866"})
    void otherTextIsNotADate(String raw) {
        assertThat(EntryDates.toIso(raw)).isEmpty();
    }
}
