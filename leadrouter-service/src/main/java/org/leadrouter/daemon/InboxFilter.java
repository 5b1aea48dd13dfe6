package org.leadrouter.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.files.FileClaim;
import org.leadrouter.files.LineEnds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inbox entries are taken, and when: regular files only (never a symlink, folder or special file), not
 * hidden, not temporary ({@code .tmp}, {@code .part}), with a spreadsheet-like extension; and only once complete —
 * unchanged for {@code inbox.stable-time}, or at once when the sender put a {@code <name>.done} marker beside it.
 * A text file whose last line has no line end yet waits longer ({@code inbox.unterminated-line-time}).
 * Nothing is taken while the retry gate is closed, nor a file that waits on its own ({@link FileWaits}).
 */
public final class InboxFilter implements GenericFileFilter<File> {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    static final String DONE = ".done";
    private static final Set<String> TAKEN = Set.of("csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods");

    private final Duration stableTime;
    private final Duration unterminatedLineTime;
    private final RetryGate gate;
    private final FileWaits waits;
    private final Clock clock;
    private final Map<Path, Seen> futureFiles = new ConcurrentHashMap<>();
    private final Set<Path> heldBack = ConcurrentHashMap.newKeySet();

    public InboxFilter(Duration stableTime, RetryGate gate, FileWaits waits, Clock clock) {
        this(stableTime, DaemonSettings.UNTERMINATED_LINE_TIME, gate, waits, clock);
    }

    public InboxFilter(Duration stableTime, Duration unterminatedLineTime, RetryGate gate, FileWaits waits, Clock clock) {
        this.stableTime = Objects.requireNonNull(stableTime, "stableTime == null");
        this.unterminatedLineTime = Objects.requireNonNull(unterminatedLineTime, "unterminatedLineTime == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.waits = Objects.requireNonNull(waits, "waits == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || !gate.open()) {
            return false;
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        return waits.ready(path) && accept(path) && FileClaim.holder(path, clock).isEmpty();
    }

    /** The same decision for a path (also used by tests and the start-up scan). */
    public boolean accept(Path path) {
        String name = path.getFileName().toString();
        if (!wanted(name)) {
            return false;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!attrs.isRegularFile()) {
            return false;
        }
        if (Files.exists(path.resolveSibling(name + DONE), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        long quiet = clock.millis() - attrs.lastModifiedTime().toMillis();
        if (quiet < 0) {
            quiet = quietBySize(path, attrs.size());
        } else {
            futureFiles.remove(path);
        }
        return quiet >= stableTime.toMillis() && lastLineComplete(path, attrs.size(), quiet);
    }

    /**
     * A sender that stalls mid-row (a slow share copy) leaves a last line without its line end: taking the file then
     * would create a half row and leave the rest unread, so it waits until the file has been quiet for
     * {@code inbox.unterminated-line-time} (a file whose last row simply lacks a line end is taken then, whole).
     */
    private boolean lastLineComplete(Path path, long size, long quietMillis) {
        if (!LineEnds.isText(path.getFileName().toString()) || quietMillis >= unterminatedLineTime.toMillis()) {
            heldBack.remove(path);
            return true;
        }
        boolean ended;
        try {
            ended = LineEnds.terminated(path, size);
        } catch (IOException e) {
            return true; // unreadable: the pipeline says so, in the team's words
        }
        if (ended) {
            heldBack.remove(path);
        } else if (heldBack.add(path)) {
            LOG.info("{}: its last line has no line end yet (is it still being written?); it is taken once it has not"
                    + " changed for {}s, or at once with a {} marker beside it", FileNames.safe(path.getFileName().toString()),
                    unterminatedLineTime.toSeconds(), DONE);
        }
        return ended;
    }

    /** A size and when it was first seen, for a file whose modification time cannot tell (it is in the future). */
    private record Seen(long size, long since) {
    }

    /**
     * A file dated in the future (a share whose clock is ahead) cannot be judged by its time: it is taken once its
     * size has not changed for {@code inbox.stable-time} on this machine's clock. Said once per file. Returns how
     * long its size has not changed.
     */
    private long quietBySize(Path path, long size) {
        long now = clock.millis();
        Seen seen = futureFiles.get(path);
        if (seen == null) {
            LOG.warn("{}: its modification time is in the future (is the clock of the machine or share that wrote it"
                    + " ahead?); it is taken once its size has not changed for {}s", FileNames.safe(path.getFileName().toString()),
                    stableTime.toSeconds());
        }
        if (seen == null || seen.size() != size) {
            futureFiles.put(path, new Seen(size, now));
            return 0;
        }
        return now - seen.since();
    }

    static boolean wanted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.endsWith(DONE)) {
            return false;
        }
        int dot = lower.lastIndexOf('.');
        return dot > 0 && TAKEN.contains(lower.substring(dot + 1));
    }
}
