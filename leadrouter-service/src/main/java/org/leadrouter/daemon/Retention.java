package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.leadrouter.config.DaemonSettings;
import org.leadrouter.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges what holds prospects' personal data once it is older than {@code retention.days}: archived inputs,
 * reports, rejected files, and journal rows (the deferred queue is kept). Logs what it removed.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final DaemonSettings folders;
    private final Journal journal;
    private final Duration keep;
    private final Clock clock;

    public Retention(DaemonSettings folders, Journal journal, int days, Clock clock) {
        this.folders = Objects.requireNonNull(folders, "folders == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.keep = Duration.ofDays(days);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Removes everything older than the retention period; returns the number of files removed. */
    public int purge() {
        Instant cutoff = clock.instant().minus(keep);
        int files = 0;
        for (Path dir : List.of(folders.archive(), folders.outbox(), folders.error())) {
            files += purgeFiles(dir, cutoff);
        }
        int rows = journal.purgeBefore(OffsetDateTime.ofInstant(cutoff, clock.getZone()));
        if (files > 0 || rows > 0) {
            LOG.info("retention: removed {} file(s) and {} journal row(s) older than {} days", files, rows, keep.toDays());
        }
        return files;
    }

    private static int purgeFiles(Path dir, Instant cutoff) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try {
            // times are read before anything is removed: removing a file touches its folder, which would then look new
            Map<Path, BasicFileAttributes> entries = new TreeMap<>(Comparator.reverseOrder());
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.filter(p -> !p.equals(dir)).toList()) {
                    entries.put(p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                }
            }
            for (Map.Entry<Path, BasicFileAttributes> entry : entries.entrySet()) {
                Path p = entry.getKey();
                BasicFileAttributes attrs = entry.getValue();
                if (!attrs.lastModifiedTime().toInstant().isBefore(cutoff)
                        || DeferredQueueCopy.isCopy(p.getFileName().toString())) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    try (Stream<Path> left = Files.list(p)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                } else {
                    Files.delete(p);
                    removed++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("retention: could not clean {}: {}", dir, e.getMessage());
        }
        return removed;
    }
}
