package org.leadrouter.vtiger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The one back-off: doubling from the initial wait up to the cap, whatever the number of failures. */
class BackoffTest {

    @Test
    void waitsDoubleFromTheInitialOneUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(5));
        List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(backoff::delay).map(Duration::toSeconds).toList();
        assertEquals(List.of(15L, 30L, 60L, 120L, 240L, 300L, 300L, 300L), seconds);
    }

    @Test
    void aCapThatIsNoPowerOfTwoOfTheInitialWaitIsReachedExactly() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(16), backoff.delay(5));
        assertEquals(Duration.ofSeconds(30), backoff.delay(6));
    }

    @Test
    void aDayLongOutageNeitherOverflowsNorTakesLongToCompute() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMinutes(5));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertEquals(Duration.ofMinutes(5), backoff.delay(Integer.MAX_VALUE));
            assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ZERO).delay(Integer.MAX_VALUE));
        });
    }

    @Test
    void anInitialWaitAboveTheCapIsCapped() {
        assertEquals(Duration.ofSeconds(10), new Backoff(Duration.ofSeconds(20), Duration.ofSeconds(10)).delay(1));
    }

    @Test
    void retriesCountFromOneAndWaitsAreNeverNegative() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(2)));
    }

    @Test
    void theClientRetryPolicyWaitsTheSameWay() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), policy.backoff());
        assertEquals(Duration.ZERO, RetryPolicy.ONCE.backoff().delay(1));
    }
}
