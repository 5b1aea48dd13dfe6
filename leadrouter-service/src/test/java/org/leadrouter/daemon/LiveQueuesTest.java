package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.i18n.Text;
import org.leadrouter.testing.LogCapture;

/** A daemon's live mark: made at start, removed at a clean stop; a copy is refused only while a fresh mark of its state is there. */
class LiveQueuesTest {
    @TempDir
    Path outbox;

    private final Clock clock = Clock.systemUTC();

    @Test
    void aRunningDaemonsQueueIsLiveUntilItStops() throws Exception {
        LiveQueues queues = new LiveQueues(outbox, "abc");
        Path copy = outbox.resolve(DeferredQueueCopy.fileName("abc"));
        assertThat(LiveQueues.refusal(copy, outbox, clock)).isEmpty();

        queues.start();
        assertThat(LiveQueues.refusal(copy, outbox, clock)).get().extracting(Text::key).isEqualTo("file.live-queue-copy");
        assertThat(LiveQueues.refusal(Path.of("inbox", DeferredQueueCopy.fileName("abcd")), outbox, clock))
                .as("another state whose id begins the same").isEmpty();
        assertThat(LiveQueues.refusal(Path.of("inbox", "abc.csv"), outbox, clock)).as("not a copy").isEmpty();

        queues.stop();
        assertThat(LiveQueues.refusal(copy, outbox, clock)).isEmpty();
        try (Stream<Path> left = Files.list(outbox)) {
            assertThat(left).as("no mark left by a clean stop").isEmpty();
        }
    }

    @Test
    void theMarkOfAKilledDaemonCountsForFiveMinutesAfterItsLastBeat() throws Exception {
        Path mark = Files.createFile(outbox.resolve(".deferred-queue_abc.0f1e.alive"));
        Path copy = Path.of("inbox", DeferredQueueCopy.fileName("abc"));

        Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(Duration.ofMinutes(4))));
        assertThat(LiveQueues.refusal(copy, outbox, clock)).get().extracting(t -> t.args()[0]).isEqualTo(4L);

        Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(LiveQueues.ALIVE_FOR)));
        assertThat(LiveQueues.refusal(copy, outbox, clock)).isEmpty();
    }

    @Test
    void aMarkThatCannotBeWrittenIsSaidOnceAndAgainWhenItCanBe() throws Exception {
        Path gone = outbox.resolve("gone");
        LiveQueues queues = new LiveQueues(gone, "abc");
        try (LogCapture log = LogCapture.of("org.leadrouter.daemon")) {
            queues.beat();
            queues.beat();
            Files.createDirectories(gone);
            queues.beat();

            assertThat(log.messages(Level.WARN)).hasSize(1).first().asString()
                    .contains("cannot mark this state's deferred queue as live");
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("marked as live again"));
        }
        assertThat(LiveQueues.refusal(Path.of("inbox", DeferredQueueCopy.fileName("abc")), gone, clock)).isPresent();
    }

    @Test
    void aCopyNamedWithAGlobPatternIsNotTheCopyOfEveryQueue() throws Exception {
        new LiveQueues(outbox, "abc").start();
        assertThat(LiveQueues.refusal(Path.of("inbox", DeferredQueueCopy.fileName("*")), outbox, clock)).isEmpty();
    }
}
