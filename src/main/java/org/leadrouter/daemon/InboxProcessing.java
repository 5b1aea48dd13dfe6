package org.leadrouter.daemon;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.StringJoiner;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.i18n.Text;
import org.leadrouter.pipeline.DistributionBatch;
import org.leadrouter.pipeline.DistributionRequest;
import org.leadrouter.pipeline.Mode;
import org.leadrouter.pipeline.RowStatus;
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
    private final Mode mode;
    private final DaemonEvents events;
    private final Map<Path, Integer> unexpectedFailures = new ConcurrentHashMap<>();
    static final int UNEXPECTED_ATTEMPTS = 3;

    public InboxProcessing(FileOutcomes outcomes, RetryGate gate, Mode mode, DaemonEvents events) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.mode = Objects.requireNonNull(mode, "mode == null");
        this.events = Objects.requireNonNull(events, "events == null");
    }

    /** The pipeline's request for the inbox file at {@code path}: the daemon's mode, a fresh report path in the outbox. */
    public DistributionRequest request(@Header(Exchange.FILE_PATH) String path) {
        Path input = Path.of(path).toAbsolutePath();
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
        gate.succeeded();
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{}: disappeared from the inbox while it was being processed; nothing to archive, report {}",
                    FileNames.safe(input.getFileName().toString()), batch.request().report().getFileName());
            events.fileProcessed(batch);
            return;
        }
        Path archived = outcomes.archive(input);
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
        Path target = outcomes.reject(input, reason.localized(), unreadable(cause).isPresent());
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

    /** VTiger (or the state) is unavailable for now: the file stays in the inbox and is retried with back-off. */
    public void retryLater(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        gate.failed(cause == null ? "unknown" : cause.getMessage());
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
