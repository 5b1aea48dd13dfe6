package org.leadrouter.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.leadrouter.files.FilePermissions;
import org.leadrouter.files.LineEnds;
import org.leadrouter.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archived text files a sender goes on writing into: a sender that kept the file open across a stall longer than
 * {@code inbox.stable-time} still writes into it after the move to the archive (a rename does not stop an open
 * file's writes). For {@link #WATCH} after archiving, what is added is put back into the inbox as a file of its
 * own (the header, then the added bytes) once it is complete, so that no row is lost; the bytes already read are
 * checked first, and a file rewritten from the start goes back whole.
 */
public final class ArchivedGrowth {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    /** How long an archived file is watched: a sender stalled longer than this is not waited for. */
    static final Duration WATCH = Duration.ofHours(1);
    /** The header is looked for in this many first bytes. */
    private static final int HEAD = 64 * 1024;

    /** An archived file: its original name, how much of it was read, a digest of those bytes, since when. */
    private record Watched(String name, long read, byte[] digest, long since) {
    }

    private final Path inbox;
    private final Duration stableTime;
    private final Duration unterminatedLineTime;
    private final Clock clock;
    private final Map<Path, Watched> watched = new ConcurrentHashMap<>();

    public ArchivedGrowth(Path inbox, Duration stableTime, Duration unterminatedLineTime, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox == null");
        this.stableTime = Objects.requireNonNull(stableTime, "stableTime == null");
        this.unterminatedLineTime = Objects.requireNonNull(unterminatedLineTime, "unterminatedLineTime == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** {@code archived} was read up to {@code read} bytes when it was taken from the inbox as {@code name}. */
    public void watch(Path archived, String name, long read) {
        if (!LineEnds.isText(name)) {
            return; // a workbook cannot be appended to row by row: one written on is unreadable, and said so
        }
        try {
            watched.put(archived, new Watched(name, read, digest(archived, read), clock.millis()));
        } catch (IOException e) {
            LOG.warn("{}: cannot read it back in the archive ({}); rows a sender may still add to it are not watched",
                    FileNames.safe(name), e.getClass().getSimpleName());
        }
    }

    /** Looks at every watched file once: what grew and is complete goes back to the inbox. */
    public void check() {
        long now = clock.millis();
        for (Map.Entry<Path, Watched> e : watched.entrySet()) {
            Path archived = e.getKey();
            Watched w = e.getValue();
            try {
                BasicFileAttributes attrs = Files.readAttributes(archived, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                long quiet = now - attrs.lastModifiedTime().toMillis();
                if (attrs.size() == w.read() || quiet < stableTime.toMillis()) {
                    if (attrs.size() == w.read() && now - w.since() > WATCH.toMillis()) {
                        watched.remove(archived);
                    }
                    continue;
                }
                if (quiet < unterminatedLineTime.toMillis() && !LineEnds.terminated(archived, attrs.size())) {
                    continue; // the sender stalled mid-row again
                }
                takeBack(archived, w, attrs.size());
            } catch (NoSuchFileException gone) {
                watched.remove(archived); // removed by an admin or by retention
            } catch (IOException ex) {
                watched.remove(archived);
                LOG.warn("{}: cannot look at it in the archive any more ({}); rows a sender may still add to it are not"
                        + " watched", FileNames.safe(w.name()), ex.getClass().getSimpleName());
            }
        }
    }

    /** Puts what was added to {@code archived} (or all of it, when what was read changed) into the inbox. */
    private void takeBack(Path archived, Watched w, long size) throws IOException {
        boolean intact = size > w.read() && Arrays.equals(digest(archived, w.read()), w.digest());
        byte[] head = readHead(archived);
        long header = LineEnds.firstLineLength(head);
        Path added;
        if (intact && header > 0 && header <= w.read()) {
            added = writeToInbox(w.name(), archived, head, (int) header, w.read(), size);
            if (!LineEnds.terminated(archived, w.read())) {
                LOG.warn("{}: the last line read before it was archived had no line end; the rows added to it begin"
                        + " with the rest of that line", FileNames.safe(w.name()));
            }
            LOG.warn("{}: {} bytes were added after it was archived (the sender went on writing into it); they go back"
                    + " to the inbox as {}", FileNames.safe(w.name()), size - w.read(), added.getFileName());
        } else {
            // the bytes already read changed (the sender started over, or rewrote it): all of it goes through again;
            // the leads already created from it are found in VTiger
            added = writeToInbox(w.name(), archived, head, 0, 0, size);
            LOG.warn("{}: changed after it was archived, in the part already read; all of it goes back to the inbox as"
                    + " {}", FileNames.safe(w.name()), added.getFileName());
        }
        watched.put(archived, new Watched(w.name(), size, digest(archived, size), clock.millis()));
    }

    /** The header's bytes then bytes {@code from}..{@code to} of {@code archived}, as a new file in the inbox. */
    private Path writeToInbox(String name, Path archived, byte[] head, int header, long from, long to) throws IOException {
        Path temp = inbox.resolve(".leadrouter-added-" + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(Files.createFile(temp, FilePermissions.forNewFile(inbox)),
                    StandardOpenOption.WRITE);
                 FileChannel in = FileChannel.open(archived, StandardOpenOption.READ)) {
                out.write(head, 0, header);
                in.position(from);
                copy(Channels.newInputStream(in), out, to - from);
            }
            for (int attempt = 1; ; attempt++) {
                Path target = inbox.resolve(FileNames.kept(addedName(name), attempt, 0));
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // a file of that name arrived meanwhile: the next number
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String addedName(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Messages.t("inbox.added-rows-name", stem) + (dot > 0 ? name.substring(dot) : "");
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("the file became shorter while it was copied");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /** A digest of the first {@code n} bytes of {@code file}. */
    private static byte[] digest(Path file, long n) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                sha.update(buf, 0, r);
                left -= r;
            }
        }
        return sha.digest();
    }
}
