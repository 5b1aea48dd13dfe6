package org.leadrouter.routes;

import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.daemon.InboxFilter;
import org.leadrouter.daemon.InboxProcessing;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * The daemon's inbox: polls the folder, takes one complete file at a time (oldest first), sends it through the
 * distribution pipeline ({@link DistributionRoute}, one batch at a time across threads), then archives it. A file that can never succeed goes to error/; VTiger trouble leaves
 * it in the inbox for a retry with back-off; a stop request leaves it for the next start; an unexpected failure is
 * retried a few times before the file goes to error/.
 */
public final class InboxRoute extends RouteBuilder {
    public static final String ROUTE_ID = "inbox";

    private final DaemonSettings settings;
    private final InboxFilter filter;
    private final InboxProcessing processing;

    public InboxRoute(DaemonSettings settings, InboxFilter filter, InboxProcessing processing) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.filter = Objects.requireNonNull(filter, "filter == null");
        this.processing = Objects.requireNonNull(processing, "processing == null");
    }

    @Override
    public void configure() {
        onException(UnreadableFileException.class)
            .handled(true).process(processing::rejected);
        onException(ShutdownSignal.StopRequested.class)
            .handled(true).process(processing::leftForNextStart);
        // a setting VTiger does not accept (e.g. a lead field it lacks) is fixed by an admin: keep the file meanwhile
        onException(VtigerUnavailableException.class, VtigerException.class, StateException.class, ConfigException.class)
            .handled(true).process(processing::retryLater);
        onException(Exception.class)
            .handled(true).process(e -> processing.unexpected(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), e));

        getCamelContext().getRegistry().bind("inboxFilter", filter);
        // eagerMaxMessagesPerPoll=false: sort the whole inbox first, then take one; by default camel-file would stop
        // scanning at the first file found (directory order) and sort only that one
        fromF("file:%s?noop=true&idempotent=false&recursive=false&filter=#inboxFilter&sortBy=file:modified"
                + "&initialDelay=0&delay=%d&maxMessagesPerPoll=1&eagerMaxMessagesPerPoll=false&readLock=none"
                + "&autoCreate=false",
                settings.inbox().toAbsolutePath(), settings.pollInterval().toMillis())
            .routeId(ROUTE_ID)
            .process(processing::deferredFirst).id("deferred-first")
            .process(processing::distribute).id("distribute")
            .process(processing::processed).id("archive");
    }
}
