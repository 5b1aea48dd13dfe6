package org.leadrouter.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.leadrouter.vtiger.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential back-off while VTiger is unavailable: files wait in the inbox until {@link #open()} says go.
 * The change of state is logged once (down, then up again), not at every poll.
 */
public final class RetryGate {
    private static final Logger LOG = LoggerFactory.getLogger(RetryGate.class);

    private final Backoff backoff;
    private final Clock clock;
    private Instant notBefore = Instant.MIN;
    private int failures;

    public RetryGate(Duration initial, Duration max, Clock clock) {
        this.backoff = new Backoff(initial, max);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Whether work may be attempted now. */
    public synchronized boolean open() {
        return !clock.instant().isBefore(notBefore);
    }

    /** A transient failure: wait longer before the next attempt (doubling, up to the maximum). */
    public synchronized void failed(String reason) {
        failures++;
        Duration wait = backoff.delay(failures);
        if (failures == 1) {
            LOG.warn("cannot distribute now ({}); files stay in the inbox and are retried, first in {}s", reason, wait.toSeconds());
        } else {
            LOG.debug("still unavailable ({}); next attempt in {}s", reason, wait.toSeconds());
        }
        notBefore = clock.instant().plus(wait);
    }

    /** Work went through: back to normal. */
    public synchronized void succeeded() {
        if (failures > 0) {
            LOG.info("distributing again after {} failed attempt(s)", failures);
        }
        failures = 0;
        notBefore = Instant.MIN;
    }
}
