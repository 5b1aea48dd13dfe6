package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadrouter.testing.MutableClock;

/** The retry gate and a waiting file back off alike: 15 s, 30 s, 60 s… up to the cap, from the first failure again after a success. */
class RetryWaitsTest {
    private static final Duration INITIAL = Duration.ofSeconds(15);
    private static final Duration MAX = Duration.ofSeconds(100);
    private static final List<Long> EXPECTED = List.of(15L, 30L, 60L, 100L, 100L);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void theGateStaysClosedTwiceAsLongAfterEachFailureUpToTheCap() {
        RetryGate gate = new RetryGate(INITIAL, MAX, clock);
        List<Long> closedFor = new ArrayList<>();
        for (int failure = 1; failure <= EXPECTED.size(); failure++) {
            gate.failed("VTiger down");
            closedFor.add(secondsUntil(gate::open));
        }
        assertThat(closedFor).isEqualTo(EXPECTED);
    }

    @Test
    void aSuccessSendsTheGateBackToTheInitialWait() {
        RetryGate gate = new RetryGate(INITIAL, MAX, clock);
        gate.failed("VTiger down");
        gate.failed("VTiger down");
        gate.succeeded();
        assertThat(gate.open()).isTrue();
        gate.failed("VTiger down again");
        assertThat(secondsUntil(gate::open)).isEqualTo(15L);
    }

    @Test
    void aWaitingFileIsCheckedAgainTwiceAsLateEachTimeUpToTheCap() {
        FileWaits waits = new FileWaits(INITIAL, MAX, clock);
        Path file = Path.of("inbox", "leads.csv");
        Instant farAway = clock.instant().plus(Duration.ofDays(1));
        List<Long> waitedFor = new ArrayList<>();
        for (int attempt = 1; attempt <= EXPECTED.size(); attempt++) {
            waits.waitFor(file, farAway, "leads.csv", "create unanswered");
            waitedFor.add(secondsUntil(() -> waits.ready(file)));
        }
        assertThat(waitedFor).isEqualTo(EXPECTED);
    }

    @Test
    void aWaitingFileComesBackNoLaterThanItsLatestMoment() {
        FileWaits waits = new FileWaits(INITIAL, MAX, clock);
        Path file = Path.of("inbox", "leads.csv");
        waits.waitFor(file, clock.instant().plusSeconds(7), "leads.csv", "create unanswered");
        assertThat(secondsUntil(() -> waits.ready(file))).isEqualTo(7L);
        waits.waitFor(file, clock.instant().plus(Duration.ofDays(1)), "leads.csv", "create unanswered");
        waits.done(file);
        assertThat(waits.ready(file)).isTrue();
    }

    /** Moves the clock a second at a time until {@code open} says yes; returns how many seconds that took. */
    private long secondsUntil(java.util.function.BooleanSupplier open) {
        long seconds = 0;
        while (!open.getAsBoolean()) {
            clock.advance(Duration.ofSeconds(1));
            seconds++;
            assertThat(seconds).as("still closed after an hour").isLessThan(3600);
        }
        return seconds;
    }
}
