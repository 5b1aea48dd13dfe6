package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

import org.leadrouter.config.DaemonSettings;
import org.leadrouter.files.FilePermissions;
import org.leadrouter.files.HardLinks;
import org.leadrouter.i18n.Messages;

/**
 * Where files go when the daemon is done with them: the report into the outbox (named after the input and the
 * time), the input into {@code archive/yyyy/MM/dd/} or, when it can never succeed, into {@code error/} with a
 * {@code <name>.error.txt} that says why. Nothing is ever overwritten: a clashing name gets {@code -2}, {@code -3}…
 * Kept names are cleaned and fit the file system ({@link FileNames}); every file placed here, and every folder
 * made, is private to the service's user and group ({@link FilePermissions}); a kept input is dated when it was
 * kept, so that {@link Retention} counts from then.
 */
public final class FileOutcomes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.leadrouter.daemon");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    /** What the explanation beside a rejected file adds to its name. */
    static final String EXPLANATION = ".error.txt";

    private final DaemonSettings folders;
    private final Clock clock;
    private final ZoneId zone;
    private final String reportExtension;

    public FileOutcomes(DaemonSettings folders, Clock clock, ZoneId zone) {
        this(folders, clock, zone, "csv");
    }

    /** As above, with reports named {@code …_report.<reportExtension>}. */
    public FileOutcomes(DaemonSettings folders, Clock clock, ZoneId zone, String reportExtension) {
        this.reportExtension = Objects.requireNonNull(reportExtension, "reportExtension == null");
        this.folders = Objects.requireNonNull(folders, "folders == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.zone = Objects.requireNonNull(zone, "zone == null");
    }

    public Path outbox() {
        return folders.outbox();
    }

    public Path archiveFolder() {
        return folders.archive();
    }

    public Path errorFolder() {
        return folders.error();
    }

    /** A fresh report path in the outbox for an input called {@code inputName}. */
    public Path reportFor(String inputName) {
        String base = FileNames.safe(stripExtension(inputName));
        String stamp = STAMP.format(LocalDateTime.now(clock.withZone(zone)));
        return unique(folders.outbox().resolve(base + "_" + stamp + "_report." + reportExtension));
    }

    /** Moves a processed input to {@code archive/yyyy/MM/dd/}; returns where it went. */
    public Path archive(Path input) throws IOException {
        Path day = folders.archive().resolve(DAY_FOLDER.format(LocalDateTime.now(clock.withZone(zone))));
        FilePermissions.createFolders(day);
        Path target = move(input, day, "");
        removeDoneMarker(input);
        return target;
    }

    /** Moves an input that can never succeed to {@code error/}, with the reason beside it. */
    public Path reject(Path input, String reason, boolean nothingSent) throws IOException {
        FilePermissions.createFolders(folders.error());
        String text = Messages.t(nothingSent ? "error-file.nothing-sent" : "error-file.some-sent",
                FileNames.safe(input.getFileName().toString()), reason);
        // the explanation is written in full under a hidden name first: a full disk leaves no empty .error.txt, and
        // the input stays in the inbox until both are in place
        Path temp = folders.error().resolve("." + UUID.randomUUID() + EXPLANATION + ".tmp");
        try {
            Files.createFile(temp, FilePermissions.forNewFile(folders.error()));
            FilePermissions.restrict(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Path target = move(input, folders.error(), EXPLANATION);
            Files.move(temp, target.resolveSibling(target.getFileName() + EXPLANATION), StandardCopyOption.ATOMIC_MOVE);
            removeDoneMarker(input);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves {@code input} into {@code folder} under its own (cleaned, shortened) name, or the next free numbered
     * one such that {@code name + companion} is free too; the file is then readable by the group only.
     */
    private Path move(Path input, Path folder, String companion) throws IOException {
        String name = input.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            Path target = folder.resolve(FileNames.kept(name, attempt, FileNames.bytes(companion)));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    || !companion.isEmpty() && Files.exists(target.resolveSibling(target.getFileName() + companion), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path moved = moveTo(input, target);
            if (moved != null && HardLinks.shared(moved)) {
                return moved; // another name of a file elsewhere: its rights and times are not ours to change
            }
            if (moved != null) {
                try {
                    FilePermissions.restrict(moved);
                    // retention counts from when the file was handled here, not from the sender's copy of its time
                    Files.setLastModifiedTime(moved, FileTime.from(clock.instant()));
                } catch (java.nio.file.FileSystemException notOurs) {
                    // another user's file (the service may move it, not change it): it is where it belongs already
                    LOG.warn("{}: kept with its owner's rights and time ({}); retention counts from that time",
                            FileNames.safe(moved.getFileName().toString()), notOurs.getClass().getSimpleName());
                }
                return moved;
            }
        }
    }

    /** The moved file, or null when another file took the name meanwhile. */
    private static Path moveTo(Path input, Path target) throws IOException {
        try {
            return Files.move(input, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                return Files.move(input, target);
            } catch (FileAlreadyExistsException raced) {
                return null;
            }
        } catch (FileAlreadyExistsException raced) {
            return null;
        }
    }

    private static Path unique(Path candidate) {
        Path p = candidate;
        for (int n = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); n++) {
            p = candidate.resolveSibling(FileNames.kept(candidate.getFileName().toString(), n, 0));
        }
        return p;
    }

    private static void removeDoneMarker(Path input) throws IOException {
        Files.deleteIfExists(input.resolveSibling(input.getFileName() + InboxFilter.DONE));
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
