package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.StringJoiner;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.failure.FailedException;
import org.leadrouter.failure.Failure;
import org.leadrouter.failure.FolderFailures;
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
    private final ArchivedGrowth growth;
    private final Map<Path, Integer> unexpectedFailures = new ConcurrentHashMap<>();
    static final int UNEXPECTED_ATTEMPTS = 3;
    private static final String TAKEN_AS = "leadrouterTakenAs";
    /** Distributed files whose archiving failed: their outcome, kept until the archive takes them. */
    private final Map<Path, Processed> toArchive = new ConcurrentHashMap<>();

    private record Processed(FileState state, DistributionBatch batch) {
    }

    public InboxProcessing(FileOutcomes outcomes, RetryGate gate, FileWaits waits, String claimOwner,
                           Runnable queueChanged, Mode mode, DaemonEvents events) {
        this(outcomes, gate, waits, claimOwner, queueChanged, mode, events, null);
    }

    /** As above; archived files are then watched by {@code growth} for rows a sender adds to them afterwards. */
    public InboxProcessing(FileOutcomes outcomes, RetryGate gate, FileWaits waits, String claimOwner,
                           Runnable queueChanged, Mode mode, DaemonEvents events, ArchivedGrowth growth) {
        this.growth = growth;
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
        Optional<FileClaim> claim;
        try {
            claim = FileClaim.tryClaim(input, claimOwner, Clock.systemUTC());
        } catch (IOException e) {
            throw FolderFailures.writing(input.getParent().resolve(FileClaim.FOLDER), e);
        }
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
        Optional<Text> liveQueue = LiveQueues.refusal(input, outcomes.outbox(), Clock.systemUTC());
        if (liveQueue.isPresent()) {
            // its own leadrouter releases these leads: both at once could create one twice
            throw new UnreadableFileException(liveQueue.get());
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
        Path archived;
        try {
            archived = outcomes.archive(input);
        } catch (IOException e) {
            Optional<FailedException> folder = FolderFailures.probe(outcomes.archiveFolder(), e);
            if (folder.isPresent()) {
                throw folder.get();
            }
            // the archive takes files: this one cannot leave the inbox (its folder or its rights); it alone waits
            cannotMove(input, e);
            events.fileProcessed(batch);
            return;
        }
        toArchive.remove(input);
        waits.done(input);
        if (growth != null) {
            growth.watch(archived, input.getFileName().toString(), state.size());
        }
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

    /** Tells the observers what an inbox file failed on, before the policy acts on it. */
    void failedAs(Failure failure) {
        events.fileFailed(failure);
    }

    /** The file can never succeed as it is: to error/ with the reason, and the next file is taken at once. */
    public void rejected(Exchange exchange, Failure failure) throws Exception {
        Path input = input(exchange);
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{}: disappeared from the inbox while it was being processed; nothing to move",
                    FileNames.safe(input.getFileName().toString()));
            return;
        }
        Text reason = failure.reason();
        Path target;
        try {
            target = outcomes.reject(input, reason.localized(), failure.kind().fileOwn());
        } catch (IOException e) {
            Optional<FailedException> folder = FolderFailures.probe(outcomes.errorFolder(), e);
            if (folder.isPresent()) {
                String trouble = folder.get().failure().reason().english();
                events.diskTrouble(trouble);
                waits.waitFor(input, Instant.MAX, FileNames.safe(input.getFileName().toString()),
                        "to go to error/ (" + reason.english() + "), but " + trouble);
                events.fileRetried();
            } else {
                cannotMove(input, e);
            }
            return;
        }
        waits.done(input);
        gate.succeeded();
        events.diskRecovered();
        LOG.warn("{}: rejected, moved to {}: {}", FileNames.safe(input.getFileName().toString()), target,
                reason.english());
        events.fileRejected(FileNames.safe(input.getFileName().toString()), reason.localized(),
                target.resolveSibling(target.getFileName() + FileOutcomes.EXPLANATION));
    }

    /** The file cannot leave the inbox although its target folder takes files: it is skipped, not a block. */
    private void cannotMove(Path input, IOException e) {
        String name = FileNames.safe(input.getFileName().toString());
        // the exception's type helps the administrator; the team reads the reason in its own words
        waits.waitFor(input, Instant.MAX, name, new Text("failure.cannot-move").english() + " [" + e + "]");
        events.fileSkipped(name, new Text("failure.cannot-move").localized());
    }

    /**
     * A fault of leadrouter's: logged with its stack under the incident id; the file is kept and retried like a
     * transient failure, and only after {@value #UNEXPECTED_ATTEMPTS} failures in a row is it moved to error/ (with
     * the incident id), so one bad file cannot block the inbox for ever.
     */
    public void unexpected(Failure failure, Exception exchangeFailure, Exchange exchange) throws Exception {
        Path input = input(exchange);
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            // deleted or renamed under our feet: not a fault, and nothing is left to retry or reject
            unexpectedFailures.remove(input);
            LOG.warn("{}: disappeared from the inbox while it was being processed ({}); nothing to move",
                    FileNames.safe(input.getFileName().toString()), exchangeFailure.getClass().getSimpleName());
            return;
        }
        int attempts = unexpectedFailures.merge(input, 1, Integer::sum);
        LOG.error("{}: internal failure, incident {} (attempt {} of {})", FileNames.safe(input.getFileName().toString()),
                failure.incident(), attempts, UNEXPECTED_ATTEMPTS, exchangeFailure);
        if (attempts >= UNEXPECTED_ATTEMPTS) {
            unexpectedFailures.remove(input);
            rejected(exchange, failure);
        } else {
            gate.failed("internal failure, incident " + failure.incident());
            events.fileRetried();
        }
    }

    /** VTiger is unavailable, or refuses what an administrator must fix: the file stays and is retried with back-off. */
    public void retryLater(Failure failure) {
        gate.failed(failure.reason().english());
        events.fileRetried();
    }

    /**
     * A lead of this file was sent but never answered, and VTiger does not show it yet: only this file waits (with
     * back-off, each attempt a marker lookup) until VTiger has it or may no longer be working on it.
     */
    public void awaitSettlement(Exchange exchange, CreateUnsettledException cause) {
        Path input = input(exchange);
        waits.waitFor(input, cause.notBefore(), FileNames.safe(input.getFileName().toString()),
                "row " + cause.origin().row() + " was sent to VTiger without an answer; it is sent again only if VTiger"
                        + " still lacks it at " + cause.notBefore());
        events.fileRetried();
    }

    /**
     * A folder could not be written (a full disk, a folder gone), proven by a probe write there: transient. The file
     * stays in the inbox, every file waits with back-off, health is DOWN with the reason, and all resumes by itself
     * once it can write again.
     */
    public void diskTrouble(Exchange exchange, Failure failure) {
        String reason = failure.reason().english();
        LOG.debug("{}: {}", FileNames.safe(input(exchange).getFileName().toString()), reason);
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

}
