package org.leadrouter.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 */
public final class DeferredQueueCopy {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    public static final String NAME = "deferred-queue.csv";
    private static final List<String> HEADER = List.of("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada",
            "Origen del leads");

    private final Journal journal;
    private final Path outbox;

    public DeferredQueueCopy(Journal journal, Path outbox) {
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.outbox = Objects.requireNonNull(outbox, "outbox == null");
    }

    /** Rewrites the copy from the queue; a failure is logged and the daemon goes on (the queue itself is safe). */
    public void refresh() {
        Path target = outbox.resolve(NAME);
        Path temp = outbox.resolve("." + NAME + "." + UUID.randomUUID() + ".tmp");
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
