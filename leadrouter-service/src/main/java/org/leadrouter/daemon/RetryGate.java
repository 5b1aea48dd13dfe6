package org.leadrouter.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential back-off while VTiger is unavailable: files wait in the inbox until {@link #open()} says go.
 * The change of state is logged once (down, then up again), not at every poll.
 */
public final class RetryGate {
    private static final Logger LOG = LoggerFactory.getLogger(RetryGate.class);

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private Duration current;
    private Instant notBefore = Instant.MIN;
    private int failures;

    public RetryGate(Duration initial, Duration max, Clock clock) {
        this.initial = Objects.requireNonNull(initial, "initial == null");
        this.max = Objects.requireNonNull(max, "max == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.current = initial;
    }

    /** Whether work may be attempted now. */
    public synchronized boolean open() {
        return !clock.instant().isBefore(notBefore);
    }

    /** A transient failure: wait longer before the next attempt (doubling, up to the maximum). */
    public synchronized void failed(String reason) {
        failures++;
        if (failures == 1) {
            current = initial;
            LOG.warn("cannot distribute now ({}); files stay in the inbox and are retried, first in {}s", reason, current.toSeconds());
        } else {
            current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
            LOG.debug("still unavailable ({}); next attempt in {}s", reason, current.toSeconds());
        }
        notBefore = clock.instant().plus(current);
    }

    /** Work went through: back to normal. */
    public synchronized void succeeded() {
        if (failures > 0) {
            LOG.info("distributing again after {} failed attempt(s)", failures);
        }
        failures = 0;
        current = initial;
        notBefore = Instant.MIN;
    }
}
