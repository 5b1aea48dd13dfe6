package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again after a transient failure, waiting the policy's back-off, unless it may have acted: a request
 * that may have reached VTiger is sent again only when it is harmless to repeat (a read, a login).
 */
final class TransientRetry {
    private static final Logger LOG = LoggerFactory.getLogger(TransientRetry.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    TransientRetry(RetryPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    }

    RetryPolicy policy() {
        return policy;
    }

    /** {@code request}, sent until it is answered or the attempts are used up. */
    JsonNode call(String operation, boolean repeatable, Supplier<JsonNode> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (VtigerUnavailableException e) {
                pauseBeforeRetry(operation, repeatable, attempt, e);
            }
        }
    }

    /**
     * After {@code attempt} failed: throws {@code failure} when it may not be retried (a request that may have acted,
     * unless {@code repeatable}) or the attempts are used up; otherwise says so and waits the back-off.
     */
    void pauseBeforeRetry(String operation, boolean repeatable, int attempt, VtigerUnavailableException failure) {
        boolean retryable = repeatable || !failure.mayHaveArrived();
        if (!retryable || attempt >= policy.attempts()) {
            throw failure;
        }
        Duration wait = policy.backoff().delay(attempt);
        LOG.warn("VTiger '{}' failed (attempt {} of {}): {}; retrying in {} ms",
                operation, attempt, policy.attempts(), failure.getMessage(), wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
