package org.leadrouter.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Today's business day in Madrid, as VTiger timestamps in the server's zone, DST included. */
class BusinessDayTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void winterDayStartsAt23UtcTheDayBefore() {
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 11, 27), MADRID, UTC);
        assertThat(day.serverStart()).isEqualTo("2026-11-26 23:00:00");
        assertThat(day.serverEnd()).isEqualTo("2026-11-27 23:00:00");
    }

    @Test
    void summerDayStartsAt22Utc() {
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 7, 15), MADRID, UTC);
        assertThat(day.serverStart()).isEqualTo("2026-07-14 22:00:00");
    }

    @Test
    void springForwardDayLasts23Hours() {
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 3, 29), MADRID, UTC);
        assertThat(day.serverStart()).isEqualTo("2026-03-28 23:00:00");
        assertThat(day.serverEnd()).isEqualTo("2026-03-29 22:00:00");
    }

    @Test
    void fallBackDayLasts25Hours() {
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 10, 25), MADRID, UTC);
        assertThat(day.serverStart()).isEqualTo("2026-10-24 22:00:00");
        assertThat(day.serverEnd()).isEqualTo("2026-10-25 23:00:00");
    }

    @Test
    void justAfterMadridMidnightIsAlreadyTheNextDay() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), UTC);
        BusinessDay day = BusinessDay.today(clock, MADRID, UTC);
        assertThat(day.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(day.contains("2026-11-26 23:15:00")).isTrue();
        assertThat(day.contains("2026-11-26 22:59:59")).isFalse();
    }

    @Test
    void serverInMadridTimeToo() {
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 11, 27), MADRID, MADRID);
        assertThat(day.serverStart()).isEqualTo("2026-11-27 00:00:00");
    }
}
