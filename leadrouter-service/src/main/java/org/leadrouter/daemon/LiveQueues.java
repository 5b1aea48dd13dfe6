package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.support.service.ServiceSupport;
import org.leadrouter.files.FilePermissions;
import org.leadrouter.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which deferred queues belong to a leadrouter that runs. Each running daemon keeps a hidden mark in the outbox,
 * {@code .deferred-queue_<state id>.<instance>.alive}, made at start, touched every {@link #BEAT} and removed at a
 * clean stop (a daemon that was killed leaves it, and it stops counting {@link #ALIVE_FOR} after its last touch).
 * <p>
 * The copy of a live queue ({@link DeferredQueueCopy}) must not be distributed: its leadrouter offers those leads
 * again by itself, and both at the same moment could create a lead twice, since neither would yet see the other's
 * create in VTiger. {@link #refusal} says why, for the inbox and for {@code run --apply}. The copy of a lost state's
 * queue has no live mark, and goes through.
 */
public final class LiveQueues extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    /** How often a running daemon touches its mark. */
    public static final Duration BEAT = Duration.ofMinutes(1);
    /** How long after its last touch a mark counts: a daemon killed this long ago no longer runs. */
    public static final Duration ALIVE_FOR = Duration.ofMinutes(5);
    private static final String MARKS = ".deferred-queue_*.alive";

    private final Path mark;
    private final AtomicBoolean failing = new AtomicBoolean();

    /** The mark of this daemon, whose state's id is {@code stateId}, in {@code outbox}. */
    public LiveQueues(Path outbox, String stateId) {
        Objects.requireNonNull(outbox, "outbox == null");
        Objects.requireNonNull(stateId, "stateId == null");
        // one mark per process: two nodes sharing a state (high availability) each keep their own
        this.mark = outbox.resolve(marksOf(stateId) + UUID.randomUUID() + ".alive");
    }

    @Override
    protected void doStart() {
        beat();
    }

    @Override
    protected void doStop() {
        try {
            Files.deleteIfExists(mark);
        } catch (IOException e) {
            LOG.warn("cannot remove {} ({}): a copy of this state's deferred queue counts as live for {} minutes more",
                    mark, e.getMessage(), ALIVE_FOR.toMinutes());
        }
    }

    /**
     * This daemon runs: its mark is made, or touched. A failure leaves the queue unmarked meanwhile; it is logged when
     * it begins and when it ends, not at every beat.
     */
    public void beat() {
        try {
            if (!Files.exists(mark, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(mark, FilePermissions.forNewFile(mark.getParent()));
            }
            Files.setLastModifiedTime(mark, FileTime.from(Instant.now()));
            if (failing.compareAndSet(true, false)) {
                LOG.info("this state's deferred queue is marked as live again in {}", mark.getParent());
            }
        } catch (IOException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("cannot mark this state's deferred queue as live in {} ({}); a copy of it in the inbox is not"
                        + " refused meanwhile", mark.getParent(), e.getMessage());
            }
        }
    }

    /** How the names of the marks of the state whose id is {@code stateId} begin. */
    private static String marksOf(String stateId) {
        String copy = DeferredQueueCopy.fileName(stateId);
        return "." + copy.substring(0, copy.length() - ".csv".length()) + ".";
    }

    /**
     * Why {@code input} must not be distributed, when it is named as the copy of a queue that a mark in {@code outbox}
     * says is live; empty otherwise (not such a copy, or the copy of a queue no running leadrouter holds).
     */
    public static Optional<Text> refusal(Path input, Path outbox, Clock clock) {
        Optional<String> state = DeferredQueueCopy.stateOf(input.getFileName().toString());
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String prefix = marksOf(state.get());
        Duration youngest = null;
        try (DirectoryStream<Path> marks = Files.newDirectoryStream(outbox, MARKS)) {
            for (Path m : marks) {
                // compared as a string: the id comes from a file name anyone could have written
                if (!m.getFileName().toString().startsWith(prefix)) {
                    continue;
                }
                Duration since;
                try {
                    since = Duration.between(Files.getLastModifiedTime(m, LinkOption.NOFOLLOW_LINKS).toInstant(), clock.instant());
                } catch (IOException gone) {
                    continue; // removed by a stop this instant
                }
                if (since.compareTo(ALIVE_FOR) < 0 && (youngest == null || since.compareTo(youngest) < 0)) {
                    youngest = since;
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // no outbox to read: no leadrouter shares it either
        }
        return youngest == null ? Optional.empty()
                : Optional.of(new Text("file.live-queue-copy", Math.max(0, youngest.toMinutes()), ALIVE_FOR.toMinutes()));
    }
}
