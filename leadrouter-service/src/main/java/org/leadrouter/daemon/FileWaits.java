package org.leadrouter.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.leadrouter.vtiger.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that wait on their own, without holding back the rest of the inbox: a file with a lead whose create was
 * never answered is tried again with exponential back-off (each attempt only looks the lead up by its marker), and
 * at the latest when the lead may be sent again. Logged once per file.
 */
public final class FileWaits {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");

    private record Wait(Instant notBefore, int tries) {
    }

    private final Backoff backoff;
    private final Clock clock;
    private final Map<Path, Wait> waits = new ConcurrentHashMap<>();

    public FileWaits(Duration initial, Duration max, Clock clock) {
        this.backoff = new Backoff(initial, max);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Whether this file may be taken now. */
    public boolean ready(Path file) {
        Wait w = waits.get(file.toAbsolutePath());
        return w == null || !clock.instant().isBefore(w.notBefore());
    }

    /** The file must wait; it is tried again with back-off, and no later than {@code latest}. */
    public void waitFor(Path file, Instant latest, String displayName, String reason) {
        Path key = file.toAbsolutePath();
        Wait previous = waits.get(key);
        int tries = previous == null ? 1 : previous.tries() + 1;
        Instant next = clock.instant().plus(backoff.delay(tries));
        if (latest.isBefore(next)) {
            next = latest;
        }
        waits.put(key, new Wait(next, tries));
        if (previous == null) {
            LOG.warn("{}: waits in the inbox ({}); checked again in {}s, other files go on", displayName, reason,
                    Duration.between(clock.instant(), next).toSeconds());
        }
    }

    /** The file went through (or left the inbox). */
    public void done(Path file) {
        waits.remove(file.toAbsolutePath());
    }
}
