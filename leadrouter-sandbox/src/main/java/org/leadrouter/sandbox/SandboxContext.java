package org.leadrouter.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What every operation needs: the tables, the sessions, the faults a test injects, the clock and the server's settings. */
record SandboxContext(RecordStore store, SessionRegistry sessions, SandboxFaults faults, Clock clock, ZoneId serverZone,
                      boolean leftToRightWhere) {

    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    ModuleSchemas schemas() {
        return store.schemas();
    }

    Instant now() {
        return clock.instant();
    }

    /** A timestamp the way VTiger stores it: local time of the server, no zone. */
    String format(Instant instant) {
        return DATETIME.format(instant.atZone(serverZone));
    }

    String nowText() {
        return format(now());
    }
}
