package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off while VTiger cannot be used: the wait before retry {@code n} is {@code initial} doubled
 * {@code n - 1} times, never more than {@code max}. The client's retries, the daemon's retry gate and the files that
 * wait on their own all wait this way.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial == null");
        Objects.requireNonNull(max, "max == null");
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("negative back-off: initial " + initial + ", max " + max);
        }
    }

    /** The wait before retry number {@code retry} (1-based): initial, doubled each time, capped at max. */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry < 1: " + retry);
        }
        Duration wait = initial;
        // stops doubling once at the cap, so a long outage (thousands of failures) neither loops long nor overflows
        for (int i = 1; i < retry && wait.compareTo(max) < 0 && !wait.isZero(); i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
