package org.leadrouter.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
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
 * A copy of the deferred queue outside the state, as an ordinary leads file: {@value #NAME} in the outbox, rewritten
 * whenever the queue may have changed (removed when it is empty). Should the state be lost, putting this file into
 * the inbox distributes the waiting leads again; leads of it already created are found in VTiger as duplicates.
 * A copy found at start while the state's queue is empty was not written from this state (the state was lost or
 * replaced, or the process was killed just after its queue emptied): it is kept, with a warning, and never removed;
 * should this state defer leads of its own, it is first set aside as {@code deferred-queue_unclaimed_<time>.csv}.
 */
public final class DeferredQueueCopy {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    public static final String NAME = "deferred-queue.csv";
    private static final String SET_ASIDE = "deferred-queue_unclaimed_";
    private static final List<String> HEADER = List.of("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada",
            "Origen del leads");

    /** Whether a file of the outbox is the copy, or a copy of another state's queue set aside (never purged). */
    public static boolean isCopy(String fileName) {
        return fileName.equals(NAME) || fileName.startsWith(SET_ASIDE);
    }

    private final Journal journal;
    private final Path outbox;
    private boolean unclaimed;

    public DeferredQueueCopy(Journal journal, Path outbox) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.outbox = Objects.requireNonNull(outbox, "outbox == null");
    }

    /**
     * At start: a copy in the outbox while the state's queue is empty did not come from this state. It is kept (it
     * may be all that is left of a lost state's queue) and the log says what to do with it; otherwise as
     * {@link #refresh()}.
     */
    public synchronized void checkAtStart() {
        Path target = outbox.resolve(NAME);
        try {
            if (Files.isRegularFile(target) && journal.deferredQueue().isEmpty()) {
                unclaimed = true;
                long leads;
                try (var lines = Files.lines(target, StandardCharsets.UTF_8)) {
                    leads = lines.skip(1).filter(l -> !l.isBlank()).count();
                }
                LOG.warn("{} lists {} lead(s) but the deferred queue of this state is empty: the state was lost or"
                        + " replaced since the copy was written (or the last release was stopped before it was updated)."
                        + " It is kept: to distribute those leads, copy it into the inbox (leads already in VTiger are"
                        + " reported as duplicate); if they went out already, delete it", target, leads);
                return;
            }
        } catch (IOException | StateException e) {
            LOG.warn("cannot look at the copy of the deferred queue {} ({})", target, e.getMessage());
            return;
        }
        refresh();
    }

    /** Rewrites the copy from the queue; a failure is logged and the daemon goes on (the queue itself is safe). */
    public synchronized void refresh() {
        Path target = outbox.resolve(NAME);
        Path temp = outbox.resolve("." + NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            List<DeferredLead> queue = journal.deferredQueue();
            if (queue.isEmpty()) {
                if (!unclaimed) {
                    Files.deleteIfExists(target);
                }
                return;
            }
            if (unclaimed) {
                setAside(target);
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

    /** The copy from another state is moved aside (never overwritten) before this state's queue is written. */
    private void setAside(Path target) throws IOException {
        if (Files.exists(target)) {
            String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = outbox.resolve(SET_ASIDE + time + ".csv");
            for (int n = 2; Files.exists(aside); n++) {
                aside = outbox.resolve(SET_ASIDE + time + "-" + n + ".csv");
            }
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("{} was set aside as {}: it lists the leads of another state's deferred queue (copy it into the"
                    + " inbox to distribute them, or delete it)", target, aside.getFileName());
        }
        unclaimed = false;
    }
}
