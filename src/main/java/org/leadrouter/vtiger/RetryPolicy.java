package org.leadrouter.vtiger;

import java.time.Duration;

/** Bounded exponential back-off for transient failures: how many attempts, and how long to wait before each retry. */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
    }

    /** The wait before retry number {@code retry} (1-based): initial, doubled each time, capped. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
