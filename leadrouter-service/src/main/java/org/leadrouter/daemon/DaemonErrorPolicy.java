package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.leadrouter.config.ConfigException;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.pipeline.CreateUnsettledException;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * What the daemon does when a route fails, declared once per kind of failure; each route opts in by its id.
 * <ul>
 * <li>{@value #INBOX}: a file that can never succeed goes to error/ with the reason; a stop request leaves the file
 * for the next start; VTiger or the state being unavailable (or a setting VTiger does not accept, which an admin
 * fixes) keeps the file in the inbox and closes the {@link RetryGate} for a back-off; anything else is retried the
 * same way a few times before the file goes to error/ ({@link InboxProcessing#unexpected}).</li>
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
        inbox.onException(UnreadableFileException.class)
            .handled(true).process(processing::rejected);
        inbox.onException(ShutdownSignal.StopRequested.class)
            .handled(true).process(processing::leftForNextStart);
        inbox.onException(CreateUnsettledException.class)
            .handled(true).process(processing::awaitSettlement);
        // a folder that cannot be written (full disk): transient, the file stays; UnreadableFileException is no
        // IOException, and a file that vanished is judged by the unexpected-failure handler below. Camel matches
        // nested causes too, root first: only an IOException thrown as such is a folder's (a full state disk throws
        // a StateException caused, deep down, by an IOException)
        inbox.onException(IOException.class)
            .onWhen(e -> thrown(e) instanceof IOException && !(thrown(e) instanceof NoSuchFileException))
            .handled(true).process(processing::diskTrouble);
        inbox.onException(VtigerUnavailableException.class, VtigerException.class, ConfigException.class)
            .handled(true).process(processing::retryLater);
        // the state database cannot be written (a full disk): transient too, health DOWN naming it
        inbox.onException(StateException.class)
            .handled(true).process(state::fileWaits);
        inbox.onException(Exception.class)
            .handled(true).process(e -> processing.unexpected(cause(e), e));

        RouteConfigurationDefinition timers = routeConfiguration(TIMERS);
        // a release whose create went unanswered: that lead stays queued and is looked up by its marker next time
        timers.onException(CreateUnsettledException.class)
            .handled(true).process(e -> LOG.warn("deferred leads: stopped, {}", cause(e).getMessage()));
        timers.onException(VtigerUnavailableException.class, VtigerException.class)
            .handled(true).process(e -> gate.failed(cause(e).getMessage()));
        timers.onException(StateException.class)
            .handled(true).process(state::failed);
    }

    /** The exception as thrown (while Camel chooses the clause, it is not yet the caught one). */
    private static Exception thrown(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException() : cause(exchange);
    }

    private static Exception cause(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
