package org.leadrouter.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Today's business day in the allocation time zone, expressed as the half-open range of VTiger timestamps
 * ({@code yyyy-MM-dd HH:mm:ss} in the server's time zone) that it covers. DST days are 23 or 25 hours long.
 */
public record BusinessDay(LocalDate date, String serverStart, String serverEnd) {
    private static final DateTimeFormatter VTIGER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public BusinessDay {
        Objects.requireNonNull(date, "date == null");
    }

    /** The business day that contains {@code clock}'s now. */
    public static BusinessDay today(Clock clock, ZoneId businessZone, ZoneId serverZone) {
        return of(LocalDate.now(clock.withZone(businessZone)), businessZone, serverZone);
    }

    public static BusinessDay of(LocalDate date, ZoneId businessZone, ZoneId serverZone) {
        ZonedDateTime start = date.atStartOfDay(businessZone);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(businessZone);
        return new BusinessDay(date,
                VTIGER.format(start.withZoneSameInstant(serverZone)),
                VTIGER.format(end.withZoneSameInstant(serverZone)));
    }

    /** Whether a VTiger timestamp (server time zone) falls in this day. */
    public boolean contains(String serverTimestamp) {
        return serverTimestamp.compareTo(serverStart) >= 0 && serverTimestamp.compareTo(serverEnd) < 0;
    }
}
