package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.leadrouter.testing.MutableClock;

/** Progress for output that is not a terminal: a plain line now and then and one at the end; none when quiet. */
class ProgressDisplayTest {

    @Test
    void plainLinesComeAtMostEveryIntervalAndOnceAtTheEnd() {
        StringWriter text = new StringWriter();
        MutableClock clock = new MutableClock(Instant.parse("2025-07-28T10:00:00Z"));
        ProgressDisplay lines = new ProgressDisplay.Lines(new PrintWriter(text), Duration.ofSeconds(10), clock);

        for (int done = 1; done <= 100; done++) {
            clock.advance(Duration.ofMillis(500)); // 2 rows a second: 50 s in all
            lines.rowSent(done, done - 1, 100);
        }

        String[] printed = text.toString().split("\\R");
        assertThat(printed).hasSize(5); // at 10, 20, 30, 40 s and the last row
        assertThat(printed[0]).contains("21/100").contains("2.0 rows/s").contains("40 s left");
        assertThat(printed[4]).contains("100/100").contains("99 created").contains("0 s left");
    }

    @Test
    void quietShowsNothing() {
        StringWriter text = new StringWriter();
        ProgressDisplay quiet = ProgressDisplay.choose(true, false, new PrintWriter(text));

        quiet.rowSent(1, 1, 1);
        quiet.close();

        assertThat(text.toString()).isEmpty();
    }
}
