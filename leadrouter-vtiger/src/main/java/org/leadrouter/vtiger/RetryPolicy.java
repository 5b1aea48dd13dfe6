package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.Objects;

import org.leadrouter.config.VtigerSettings;

/** How often a request that failed for a transient reason is sent, and how long to wait before each retry. */
public record RetryPolicy(int attempts, Backoff backoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff == null");
    }

    public RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
        this(attempts, new Backoff(initialBackoff, maxBackoff));
    }

    /** One attempt, no waiting: for a check that reports what it sees now. */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** The bounds of {@code vtiger.retry.*}. */
    public static RetryPolicy of(VtigerSettings settings) {
        return new RetryPolicy(settings.retryAttempts(), settings.initialBackoff(), settings.maxBackoff());
    }
}
