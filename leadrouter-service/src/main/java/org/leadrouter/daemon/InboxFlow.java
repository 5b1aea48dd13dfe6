package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.failure.Failure;
import org.leadrouter.glance.InboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether the inbox flows, whatever holds it back (VTiger down, a full folder, a bug): the inbox is stalled
 * when files have waited longer than {@code stallAfter} and nothing has left it meanwhile — judged by the folder's
 * listing (a file seen before is gone) and by the files the daemon archived or rejected, never by a failure's type.
 * Files that cannot leave (skipped) are shown apart and hold nothing back. The change of state is logged once each way.
 */
public final class InboxFlow implements DaemonEvents {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");

    /** One file in the inbox: its file key tells a new file of the same name from the one seen before. */
    private record Seen(Path path, Object key) {
    }

    private final Path inbox;
    private final Duration stallAfter;
    private final Clock clock;
    private final Map<Seen, Instant> firstSeen = new HashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();
    private volatile Instant lastLeft;
    private volatile Failure.Kind lastFailure;
    private InboxStatus status = InboxStatus.FLOWING;

    public InboxFlow(Path inbox, Duration stallAfter, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox == null");
        this.stallAfter = Objects.requireNonNull(stallAfter, "stallAfter == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.lastLeft = clock.instant();
    }

    /**
     * How long files may wait before the inbox counts as stalled: a file is normally taken within its stable time
     * (or the wait for an unterminated last line) and a couple of back-offs; never less than five minutes.
     */
    public static Duration stallAfter(Duration stableTime, Duration unterminatedLineTime, Duration retryMaxBackoff) {
        Duration longest = stableTime.plus(unterminatedLineTime).plus(retryMaxBackoff.multipliedBy(2));
        Duration floor = Duration.ofMinutes(5);
        return longest.compareTo(floor) > 0 ? longest : floor;
    }

    /** Looks at the inbox now; true when the page must be rewritten (stalled, or flowing again, or other files skipped). */
    synchronized boolean refresh() {
        Instant now = clock.instant();
        Map<Seen, Instant> seen = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path file : files) {
                if (InboxFilter.wanted(file.getFileName().toString())) {
                    BasicFileAttributes a = attributes(file);
                    if (a != null && a.isRegularFile()) {
                        Seen s = new Seen(file, a.fileKey());
                        seen.put(s, firstSeen.getOrDefault(s, now));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list the inbox {}: {}", inbox, e.toString());
            return status.stalled(); // the last status stands
        }
        if (!seen.keySet().containsAll(firstSeen.keySet())) {
            left(now); // whatever took it (the daemon, the sender, an administrator): the inbox moves
        }
        firstSeen.clear();
        firstSeen.putAll(seen);

        List<InboxStatus.Skipped> cannotLeave = new ArrayList<>();
        List<String> present = new ArrayList<>();
        Instant oldest = null;
        for (Map.Entry<Seen, Instant> e : seen.entrySet()) {
            String name = FileNames.safe(e.getKey().path().getFileName().toString());
            present.add(name);
            String reason = skipped.get(name);
            if (reason != null) {
                cannotLeave.add(new InboxStatus.Skipped(name, reason));
            } else if (oldest == null || e.getValue().isBefore(oldest)) {
                oldest = e.getValue();
            }
        }
        skipped.keySet().retainAll(present);
        cannotLeave.sort((a, b) -> a.fileName().compareTo(b.fileName()));
        int waiting = seen.size() - cannotLeave.size();
        Instant since = oldest == null ? now : oldest.isAfter(lastLeft) ? oldest : lastLeft;
        boolean stalled = waiting > 0 && Duration.between(since, now).compareTo(stallAfter) > 0;
        boolean wasStalled = status.stalled();
        boolean skippedChanged = !cannotLeave.equals(status.skipped());
        Failure.Kind failure = lastFailure;
        status = new InboxStatus(waiting, oldest == null ? Duration.ZERO : Duration.between(oldest, now),
                stalled ? since : null, stalled ? failure : null, cannotLeave);
        if (stalled && !wasStalled) {
            LOG.warn("the inbox has not moved since {}: {} file(s) waiting, the oldest for {} min; last failure: {}",
                    since.truncatedTo(ChronoUnit.SECONDS), waiting, status.oldestAge().toMinutes(),
                    failure == null ? "none" : failure);
        } else if (!stalled && wasStalled) {
            LOG.info("the inbox moves again");
        }
        return stalled || wasStalled || skippedChanged;
    }

    public synchronized InboxStatus status() {
        return status;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return null; // left between the listing and this look: the next refresh sees it gone
        }
    }

    private void left(Instant when) {
        lastLeft = when;
        lastFailure = null;
    }

    @Override
    public void fileProcessed(DistributionBatch batch) {
        left(clock.instant()); // a file that comes and goes between two looks moves the inbox too
    }

    @Override
    public void fileRejected(String fileName, String reason) {
        left(clock.instant());
    }

    @Override
    public void fileFailed(Failure failure) {
        lastFailure = failure.kind();
    }

    @Override
    public void fileSkipped(String fileName, String reason) {
        skipped.put(fileName, reason);
    }
}
