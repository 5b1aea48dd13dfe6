package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.StringJoiner;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.files.FileClaim;
import org.leadrouter.files.HardLinks;
import org.leadrouter.i18n.Text;
import org.leadrouter.pipeline.CreateUnsettledException;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inbox route does around the pipeline, one method per step or outcome: prepare the request, archive
 * a processed file, reject a file that can never succeed, keep a file for a later retry. Logs one line per file,
 * with counts and no personal data.
 */
public final class InboxProcessing {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");

    private final FileOutcomes outcomes;
    private final RetryGate gate;
    private final FileWaits waits;
    private final String claimOwner;
    /** After each file: the copy of the deferred queue kept outside the state is rewritten ({@link DeferredQueueCopy}). */
    private final Runnable queueChanged;
    private final Mode mode;
    private final DaemonEvents events;
    private final Map<Path, Integer> unexpectedFailures = new ConcurrentHashMap<>();
    static final int UNEXPECTED_ATTEMPTS = 3;
    private static final String TAKEN_AS = "leadrouterTakenAs";
    /** Distributed files whose archiving failed: their outcome, kept until the archive takes them. */
    private final Map<Path, Processed> toArchive = new ConcurrentHashMap<>();

    private record Processed(FileState state, DistributionBatch batch) {
    }

    public InboxProcessing(FileOutcomes outcomes, RetryGate gate, FileWaits waits, String claimOwner,
                           Runnable queueChanged, Mode mode, DaemonEvents events) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.waits = Objects.requireNonNull(waits, "waits == null");
        this.claimOwner = Objects.requireNonNull(claimOwner, "claimOwner == null");
        this.queueChanged = Objects.requireNonNull(queueChanged, "queueChanged == null");
        this.mode = Objects.requireNonNull(mode, "mode == null");
        this.events = Objects.requireNonNull(events, "events == null");
    }

    /**
     * The pipeline's request for the inbox file: the daemon's mode, a fresh report path in the outbox. First the file
     * is claimed — exactly one process takes a file, before any of its leads is sent: another daemon on the same
     * inbox, or {@code run --apply} on this file, may hold it (then the route stops here and leaves it alone); the
     * claim ends with the exchange, whatever its outcome. A file with other names (hard links) is refused unread.
     */
    public DistributionRequest request(Exchange exchange) throws Exception {
        Path input = input(exchange);
        Optional<FileClaim> claim = FileClaim.tryClaim(input, claimOwner, Clock.systemUTC());
        if (claim.isEmpty()) {
            LOG.debug("{}: taken by another leadrouter process; left to it", FileNames.safe(input.getFileName().toString()));
            exchange.setRouteStop(true);
            return null;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                claim.get().close();
            }
        });
        FileState state = FileState.of(input);
        exchange.setProperty(TAKEN_AS, state);
        Processed done = toArchive.get(input);
        if (done != null && done.state().equals(state)) {
            // distributed already; only its archiving failed (a full disk): archive it, do not distribute it again
            archive(input, done.batch(), state);
            exchange.setRouteStop(true);
            return null;
        }
        int links = HardLinks.count(input);
        if (links > 1) {
            // never read: it may be a second name of someone's private file; it goes to error/ untouched
            throw new UnreadableFileException(new Text("file.hard-links", links));
        }
        return new DistributionRequest(input, mode, outcomes.reportFor(input.getFileName().toString()));
    }

    /**
     * The file went through: archive it and say what happened. A file deleted or renamed meanwhile has nothing left
     * to archive; its report stands (and a renamed copy is recognised by its content when it comes round).
     */
    public void processed(Exchange exchange) throws Exception {
        DistributionBatch batch = exchange.getMessage().getMandatoryBody(DistributionBatch.class);
        Path input = input(exchange);
        unexpectedFailures.remove(input);
        waits.done(input);
        queueChanged.run();
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            gate.succeeded();
            LOG.warn("{}: disappeared from the inbox while it was being processed; nothing to archive, report {}",
                    FileNames.safe(input.getFileName().toString()), batch.request().report().getFileName());
            events.fileProcessed(batch);
            return;
        }
        FileState taken = exchange.getProperty(TAKEN_AS, FileState.class);
        FileState now = FileState.of(input);
        if (taken != null && !taken.equals(now)) {
            // the sender went on writing after the file was taken: never archive rows nobody looked at
            gate.succeeded();
            LOG.warn("{}: changed while it was being processed ({} bytes when taken, {} now); not archived: it is"
                    + " processed again once stable, for the rows added (leads already created from it are found in"
                    + " VTiger and reported as duplicates); report {}", FileNames.safe(input.getFileName().toString()),
                    taken.size(), now.size(), batch.request().report().getFileName());
            events.fileProcessed(batch);
            return;
        }
        archive(input, batch, now);
    }

    /** Archives a distributed file; if the archive cannot take it, the outcome is kept for the next attempt. */
    private void archive(Path input, DistributionBatch batch, FileState state) throws Exception {
        toArchive.put(input, new Processed(state, batch));
        Path archived = outcomes.archive(input);
        toArchive.remove(input);
        gate.succeeded();
        events.diskRecovered();
        StringJoiner counts = new StringJoiner(", ");
        for (RowStatus s : RowStatus.values()) {
            long n = batch.count(s);
            if (n > 0) {
                counts.add(s.label() + " " + n);
            }
        }
        String pools = batch.poolSummary();
        LOG.info("{}: {} rows ({}) [{}]{}; report {}; archived as {}", FileNames.safe(archived.getFileName().toString()),
                batch.rows().size(), counts, mode.label(), pools.isEmpty() ? "" : " pools: " + pools,
                batch.request().report().getFileName(), archived);
        events.fileProcessed(batch);
    }

    /** The file can never succeed as it is: to error/ with the reason. */
    public void rejected(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Path input = input(exchange);
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{}: disappeared from the inbox while it was being processed; nothing to move",
                    FileNames.safe(input.getFileName().toString()));
            return;
        }
        Text reason = plainReason(cause);
        Path target;
        try {
            target = outcomes.reject(input, reason.localized(), unreadable(cause).isPresent());
        } catch (IOException e) {
            cannotWrite(input, e, "error");
            return;
        }
        gate.succeeded();
        events.diskRecovered();
        LOG.warn("{}: rejected, moved to {}: {}", FileNames.safe(input.getFileName().toString()), target,
                reason.english());
        events.fileRejected(FileNames.safe(input.getFileName().toString()), reason.localized());
    }

    /**
     * Something unexpected failed (a fault of ours, a full disk): the file is kept and retried like a transient
     * failure, and only after {@value #UNEXPECTED_ATTEMPTS} failures in a row is it moved to error/, so one bad file
     * cannot block the inbox for ever.
     */
    public void unexpected(Exception exchangeFailure, Exchange exchange) throws Exception {
        Path input = input(exchange);
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            // deleted or renamed under our feet: not a fault, and nothing is left to retry or reject
            unexpectedFailures.remove(input);
            LOG.warn("{}: disappeared from the inbox while it was being processed ({}); nothing to move",
                    FileNames.safe(input.getFileName().toString()), exchangeFailure.getClass().getSimpleName());
            return;
        }
        int attempts = unexpectedFailures.merge(input, 1, Integer::sum);
        LOG.error("{}: unexpected failure (attempt {} of {})", FileNames.safe(input.getFileName().toString()),
                attempts, UNEXPECTED_ATTEMPTS, exchangeFailure);
        if (attempts >= UNEXPECTED_ATTEMPTS) {
            unexpectedFailures.remove(input);
            rejected(exchange);
        } else {
            gate.failed("unexpected failure: " + exchangeFailure.getClass().getSimpleName());
            events.fileRetried();
        }
    }

    /** VTiger is unavailable for now: the file stays in the inbox and is retried with back-off. */
    public void retryLater(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        gate.failed(cause == null ? "unknown" : cause.getMessage());
        events.fileRetried();
    }

    /**
     * A lead of this file was sent but never answered, and VTiger does not show it yet: only this file waits (with
     * back-off, each attempt a marker lookup) until VTiger has it or may no longer be working on it.
     */
    public void awaitSettlement(Exchange exchange) {
        CreateUnsettledException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CreateUnsettledException.class);
        Path input = input(exchange);
        waits.waitFor(input, cause.notBefore(), FileNames.safe(input.getFileName().toString()),
                "row " + cause.origin().row() + " was sent to VTiger without an answer; it is sent again only if VTiger"
                        + " still lacks it at " + cause.notBefore());
        events.fileRetried();
    }

    /**
     * A folder could not be written (a full disk, a folder gone): transient. The file stays in the inbox, every
     * file waits with back-off, health is DOWN with the reason, and all resumes by itself once it can write again.
     */
    public void diskTrouble(Exchange exchange) {
        IOException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, IOException.class);
        Path input = input(exchange);
        cannotWrite(input, cause, exchange.getProperty(TAKEN_AS) == null ? "inbox" : toArchive.containsKey(input)
                ? "archive" : "outbox");
    }

    private void cannotWrite(Path input, IOException cause, String folderKind) {
        String where = switch (folderKind) {
            case "archive" -> "the archive folder " + outcomes.archiveFolder();
            case "error" -> "the error folder " + outcomes.errorFolder();
            case "outbox" -> "the outbox " + outcomes.outbox() + " (the report)";
            default -> "a folder";
        };
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            where = where + " (" + fs.getFile() + ")";
        }
        String reason = "cannot write to " + where + ": " + (cause == null ? "unknown" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage())) + " — a full disk?";
        LOG.debug("{}: {}", FileNames.safe(input.getFileName().toString()), reason);
        gate.failed(reason);
        events.diskTrouble(reason);
        events.fileRetried();
    }

    /** The service is stopping: the file stays and resumes, without repeating anything, at the next start. */
    public void leftForNextStart(Exchange exchange) {
        LOG.info("{}: stopping in the middle of the file; it stays in the inbox and resumes at the next start",
                FileNames.safe(input(exchange).getFileName().toString()));
    }

    private static Path input(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
    }

    /** The reason a file can never be read, when that is why it failed. */
    private static Optional<UnreadableFileException> unreadable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Why the file was refused: the reader's own words, or an internal error's kind. */
    private static Text plainReason(Throwable cause) {
        return unreadable(cause).map(UnreadableFileException::reason).orElse(new Text("error-file.internal",
                cause == null ? "unknown" : cause.getClass().getSimpleName()));
    }
}
