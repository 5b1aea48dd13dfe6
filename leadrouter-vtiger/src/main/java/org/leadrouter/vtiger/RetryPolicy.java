package org.leadrouter.vtiger;

import java.time.Duration;

import org.leadrouter.config.VtigerSettings;

/** Bounded exponential back-off for transient failures: how many attempts, and how long to wait before each retry. */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
    }

    /** One attempt, no waiting: for a check that reports what it sees now. */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** The bounds of {@code vtiger.retry.*}. */
    public static RetryPolicy of(VtigerSettings settings) {
        return new RetryPolicy(settings.retryAttempts(), settings.initialBackoff(), settings.maxBackoff());
    }

    /** The wait before retry number {@code retry} (1-based): initial, doubled each time, capped. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
