package org.leadrouter.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leadrouter.files.FilePermissions;
import org.leadrouter.journal.DeferredLead;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.RawLead;
import org.leadrouter.state.StateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the deferred queue outside the state, as an ordinary leads file in the outbox, rewritten whenever the
 * queue may have changed (removed when it is empty). Should the state be lost, putting this file into the inbox
 * distributes the waiting leads again; leads of it already created are found in VTiger as duplicates.
 * <p>
 * Each state has a copy of its own, {@code deferred-queue_<state id>.csv}: two daemons sharing an outbox never
 * overwrite each other's, and a state that replaces a lost one (a new id) never touches the lost one's copy, which
 * stays until someone deals with it. At start, the copies of other states in the outbox are named in the log.
 * <p>
 * A copy of the queue of a running leadrouter is refused in the inbox and by {@code run --apply} ({@link LiveQueues}).
 */
public final class DeferredQueueCopy {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    private static final String PREFIX = "deferred-queue_";
    private static final String SUFFIX = ".csv";
    private static final List<String> HEADER = List.of("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada",
            "Origen del leads");

    /** Whether a file of the outbox is a copy of a deferred queue (this state's or another's: never purged). */
    public static boolean isCopy(String fileName) {
        return fileName.startsWith(PREFIX) && fileName.endsWith(SUFFIX);
    }

    /** The id of the state whose queue the file named {@code fileName} is a copy of, if it is named as one. */
    static Optional<String> stateOf(String fileName) {
        return isCopy(fileName) && fileName.length() > PREFIX.length() + SUFFIX.length()
                ? Optional.of(fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length()))
                : Optional.empty();
    }

    /** The name of the copy of the queue of the state whose id is {@code stateId}. */
    public static String fileName(String stateId) {
        return PREFIX + stateId + SUFFIX;
    }

    private final Journal journal;
    private final Path outbox;
    private final String name;

    public DeferredQueueCopy(Journal journal, Path outbox, String stateId) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.outbox = Objects.requireNonNull(outbox, "outbox == null");
        this.name = fileName(Objects.requireNonNull(stateId, "stateId == null"));
    }

    /** This state's copy. */
    public Path path() {
        return outbox.resolve(name);
    }

    /**
     * At start: says which file is this state's copy, names the copies of other states found in the outbox (another
     * daemon sharing it, or a state that was lost: then that copy is all that is left of its queue), and brings this
     * state's copy up to date.
     */
    public void checkAtStart() {
        LOG.info("the copy of this state's deferred queue is {}", path());
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(outbox, PREFIX + "*" + SUFFIX)) {
            for (Path other : copies) {
                if (!other.getFileName().toString().equals(name) && Files.isRegularFile(other, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.warn("{} lists {} deferred lead(s) of another state: another leadrouter sharing this outbox, or"
                            + " a state that was lost. If that state was lost, copy the file into the inbox under the same"
                            + " name to distribute its leads (those already in VTiger are reported as duplicate), then"
                            + " delete it; it is never purged. While its leadrouter runs, a copy of it in the inbox is"
                            + " refused", other, leads(other));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for copies of deferred queues in {} ({})", outbox, e.getMessage());
        }
        refresh();
    }

    private static long leads(Path copy) {
        try (var lines = Files.lines(copy, StandardCharsets.UTF_8)) {
            return lines.skip(1).filter(l -> !l.isBlank()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Rewrites the copy from the queue; a failure is logged and the daemon goes on (the queue itself is safe). */
    public synchronized void refresh() {
        Path target = path();
        Path temp = outbox.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            List<DeferredLead> queue = journal.deferredQueue();
            if (queue.isEmpty()) {
                Files.deleteIfExists(target);
                return;
            }
            Files.createFile(temp, FilePermissions.forNewFile(outbox));
            FilePermissions.restrict(temp);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
                 CSVPrinter out = new CSVPrinter(w, format)) {
                w.write('\uFEFF');
                out.printRecord(HEADER);
                for (DeferredLead d : queue) {
                    RawLead r = d.raw();
                    out.printRecord(r.name(), r.email(), r.phone(), r.course(), r.entryDate(), r.source());
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | StateException e) {
            LOG.warn("cannot write the copy of the deferred queue {} ({}); the queue itself is kept in the state", target,
                    e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden temporary file is harmless
            }
        }
    }
}
