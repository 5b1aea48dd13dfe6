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
import java.util.Objects;
import java.util.Set;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which inbox entries are taken, and when: regular files only (never a symlink, folder or special file), not
 * hidden, not temporary ({@code .tmp}, {@code .part}), with a spreadsheet-like extension; and only once complete —
 * unchanged for {@code inbox.stable-time}, or at once when the sender put a {@code <name>.done} marker beside it.
 * Nothing is taken while the retry gate is closed.
 */
public final class InboxFilter implements GenericFileFilter<File> {
    static final String DONE = ".done";
    private static final Set<String> TAKEN = Set.of("csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods");

    private final Duration stableTime;
    private final RetryGate gate;
    private final Clock clock;

    public InboxFilter(Duration stableTime, RetryGate gate, Clock clock) {
        this.stableTime = Objects.requireNonNull(stableTime, "stableTime == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || !gate.open()) {
            return false;
        }
        return accept(Path.of(file.getAbsoluteFilePath()));
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
        long age = clock.millis() - attrs.lastModifiedTime().toMillis();
        return age >= stableTime.toMillis();
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
