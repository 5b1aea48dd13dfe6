package org.leadrouter.vtiger;

import java.time.Duration;

/** Told about every request sent to VTiger: for metrics and call counts. */
@FunctionalInterface
public interface VtigerCallListener {
    VtigerCallListener NONE = (operation, outcome, elapsed) -> { };

    /** {@code outcome} is {@code ok}, a VTiger error code, or {@code unavailable}. */
    void called(String operation, String outcome, Duration elapsed);
}
