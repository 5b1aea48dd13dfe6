package org.leadrouter.files;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file taken by exactly one leadrouter process before any of its leads is sent — whether two daemons share an
 * inbox or {@code run --apply} is given a file a daemon is about to take. The claim is a small file created
 * atomically ({@code O_CREAT|O_EXCL}) in {@value #FOLDER} beside the input: whoever creates it first owns the input
 * until it is archived, rejected or left for later, then removes it. The owner refreshes its time every
 * {@link #HEARTBEAT}; a claim not refreshed for {@link #STALE} (its process was killed elsewhere), or whose owner is
 * a process of this host that is no longer running ({@link ClaimOwner}), may be taken over at once, by one process
 * only (the claim is renamed away atomically first). The input itself stays where it is, so a sender
 * still appending to it is noticed.
 */
public final class FileClaim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileClaim.class);
    /** The hidden folder, beside the claimed files, that holds the claims. */
    public static final String FOLDER = ".leadrouter-claims";
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration STALE = Duration.ofMinutes(2);
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leadrouter-claims");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final Path claim;
    private final String owner;
    private final ScheduledFuture<?> beat;

    private FileClaim(Path file, Path claim, String owner) {
        this.file = file;
        this.claim = claim;
        this.owner = owner;
        this.beat = BEATS.scheduleAtFixedRate(this::refresh, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Who this process is, written into its claims: host and role (e.g. the daemon of one state folder), then its
     * process id. {@link #releaseLeftBy} recognises the same host and role after a restart.
     */
    public static String owner(String role) {
        return ownerPrefix(role) + " pid " + ManagementFactory.getRuntimeMXBean().getPid();
    }

    public static String ownerPrefix(String role) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + " " + role;
    }

    /**
     * Claims {@code file} for {@code owner}; empty when another live process holds it, or when the file is gone
     * (another process already finished it).
     */
    public static Optional<FileClaim> tryClaim(Path file, String owner, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent().resolve(FOLDER);
        FilePermissions.createFolders(dir);
        Path claim = claimOf(absolute);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(claim, owner + "\n" + absolute.getFileName() + "\n" + ClaimOwner.startLine(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException held) {
                if (!breakIfStale(claim, clock)) {
                    return Optional.empty();
                }
                continue;
            }
            FileClaim taken = new FileClaim(absolute, claim, owner);
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                taken.close(); // finished and moved away by whoever held it before
                return Optional.empty();
            }
            return Optional.of(taken);
        }
        return Optional.empty();
    }

    /** Who holds {@code file} now, if a live process does. */
    public static Optional<String> holder(Path file, Clock clock) {
        Path claim = claimOf(file.toAbsolutePath());
        try {
            if (stale(claim, clock)) {
                return Optional.empty();
            }
            String text = Files.readString(claim, StandardCharsets.UTF_8);
            if (ClaimOwner.gone(text)) {
                return Optional.empty(); // its process ended on this host: nobody is working on the file
            }
            int eol = text.indexOf('\n');
            return Optional.of(eol < 0 ? text : text.substring(0, eol));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("another process");
        }
    }

    /** At start: claims this owner left behind when it was killed (nobody else can be this owner now). */
    public static void releaseLeftBy(Path folder, String ownerPrefix) throws IOException {
        releaseMatching(folder, owner -> owner.startsWith(ownerPrefix + " pid "),
                "removed a claim this service left when it was stopped abruptly ({})");
    }

    /**
     * Removes the claims whose owner (the first line) matches: for the new leader of a high-availability pair, the
     * claims of the node that led before, which stopped creating when it lost the leadership, or died.
     */
    public static void releaseMatching(Path folder, java.util.function.Predicate<String> owner, String logMessage)
            throws IOException {
        Path dir = folder.toAbsolutePath().resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> claims = Files.newDirectoryStream(dir, "*.claim")) {
            for (Path claim : claims) {
                try {
                    String text = Files.readString(claim, StandardCharsets.UTF_8);
                    if (owner.test(text.lines().findFirst().orElse(""))) {
                        Files.deleteIfExists(claim);
                        LOG.info(logMessage, claim.getFileName());
                    }
                } catch (NoSuchFileException gone) {
                    // released meanwhile
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    private void refresh() {
        try {
            Files.setLastModifiedTime(claim, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.warn("cannot refresh the claim {} ({}); another process may take its file over after {}s",
                    claim.getFileName(), e.getClass().getSimpleName(), STALE.toSeconds());
        }
    }

    /** Releases the claim (idempotent). */
    @Override
    public void close() {
        beat.cancel(false);
        try {
            // a claim another process took over meanwhile (the new leader of a pair) is its own now
            if (!Files.readString(claim, StandardCharsets.UTF_8).startsWith(owner + "\n")) {
                LOG.info("the claim {} was taken over by another process; left to it", claim.getFileName());
                return;
            }
            Files.deleteIfExists(claim);
        } catch (NoSuchFileException gone) {
            // removed already
        } catch (IOException e) {
            LOG.warn("cannot remove the claim {} ({}); it expires after {}s", claim.getFileName(),
                    e.getClass().getSimpleName(), STALE.toSeconds());
        }
    }

    private static boolean stale(Path claim, Clock clock) throws IOException {
        FileTime touched = Files.getLastModifiedTime(claim, LinkOption.NOFOLLOW_LINKS);
        return clock.millis() - touched.toMillis() > STALE.toMillis();
    }

    /** Removes a stale claim so that it can be taken; true when the caller may try again. */
    private static boolean breakIfStale(Path claim, Clock clock) throws IOException {
        try {
            boolean stale = stale(claim, clock);
            if (!stale && !ClaimOwner.gone(Files.readString(claim, StandardCharsets.UTF_8))) {
                return false;
            }
            Path away = claim.resolveSibling(claim.getFileName() + ".stale-" + UUID.randomUUID());
            try {
                Files.move(claim, away, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return false;
            }
            String owner = Files.readString(away, StandardCharsets.UTF_8).lines().findFirst().orElse("?");
            if (stale) {
                LOG.warn("took over a claim not refreshed for over {}s (its process was stopped abruptly): {}",
                        STALE.toSeconds(), owner);
            } else {
                LOG.warn("took over a claim whose process is no longer running on this host: {}", owner);
            }
            Files.deleteIfExists(away);
            return true;
        } catch (NoSuchFileException gone) {
            return true; // released or taken over by someone else meanwhile: try to create it
        }
    }

    private static Path claimOf(Path absolute) {
        return absolute.getParent().resolve(FOLDER).resolve(sha256(absolute.getFileName().toString()) + ".claim");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
