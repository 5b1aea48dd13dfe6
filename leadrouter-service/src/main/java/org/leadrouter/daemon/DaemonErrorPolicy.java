package org.leadrouter.daemon;

import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.leadrouter.failure.Failure;
import org.leadrouter.failure.Failures;
import org.leadrouter.pipeline.CreateUnsettledException;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * What the daemon does when a route fails, declared once per kind of failure; each route opts in by its id.
 * <ul>
 * <li>{@value #INBOX}: every failure goes to {@link InboxProcessing#failed}, which acts on its
 * {@link org.leadrouter.failure.Failure} kind.</li>
 * <li>{@value #TIMERS}: VTiger or the state being unavailable closes the same gate, so files and timers wait
 * together.</li>
 * </ul>
 */
public final class DaemonErrorPolicy extends RouteConfigurationBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.leadrouter.daemon");
    public static final String INBOX = "inbox-errors";
    public static final String TIMERS = "timer-errors";

    private final InboxProcessing processing;
    private final StateCheck state;
    private final RetryGate gate;

    public DaemonErrorPolicy(InboxProcessing processing, StateCheck state, RetryGate gate) {
        this.processing = Objects.requireNonNull(processing, "processing == null");
        this.state = Objects.requireNonNull(state, "state == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition inbox = routeConfiguration(INBOX);
        // one clause: what failed was judged where it happened (a Failure), never here from an exception's type;
        // Camel would match nested causes root first, which is how a file's own problem once passed for a full disk
        inbox.onException(Exception.class)
            .handled(true).process(this::inboxFailed);

        RouteConfigurationDefinition timers = routeConfiguration(TIMERS);
        // a release whose create went unanswered: that lead stays queued and is looked up by its marker next time
        timers.onException(CreateUnsettledException.class)
            .handled(true).process(e -> LOG.warn("deferred leads: stopped, {}", cause(e).getMessage()));
        timers.onException(VtigerUnavailableException.class, VtigerException.class)
            .handled(true).process(e -> gate.failed(cause(e).getMessage()));
        timers.onException(StateException.class)
            .handled(true).process(e -> state.failed(find(cause(e), StateException.class)));
    }

    /** An inbox file failed: what happens next is decided by what failed. */
    private void inboxFailed(Exchange exchange) throws Exception {
        Exception caught = cause(exchange);
        if (find(caught, ShutdownSignal.StopRequested.class) != null) {
            processing.leftForNextStart(exchange);
            return;
        }
        CreateUnsettledException unsettled = find(caught, CreateUnsettledException.class);
        if (unsettled != null) {
            // VTiger left a create unanswered: while the file waits, that is why (not an unknown cause)
            processing.failedAs(unsettled.failure());
            processing.awaitSettlement(exchange, unsettled);
            return;
        }
        Failure failure = Failures.classify(caught);
        processing.failedAs(failure);
        switch (failure.kind()) {
            case FILE_CONTENT, FILE_ACCESS -> processing.rejected(exchange, failure);
            case FOLDER -> processing.diskTrouble(exchange, failure);
            case STATE -> state.fileWaits(find(caught, StateException.class));
            case VTIGER_UNAVAILABLE, VTIGER_REFUSES, CONFIGURATION -> processing.retryLater(failure);
            case BUG -> processing.unexpected(failure, caught, exchange);
        }
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Exception cause(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
