package org.leadrouter.daemon;

import java.time.Duration;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds systemd's watchdog from a Camel timer: each tick tells systemd the daemon is alive, but only while the Camel
 * context runs and the inbox route is started. So a JVM that stops scheduling (a deadlock, a heap too full to make
 * progress) or an inbox route that stopped goes unfed, and systemd restarts the service ({@code WatchdogSec=}).
 */
final class WatchdogRoute extends EndpointRouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(WatchdogRoute.class);
    static final String ROUTE_ID = "systemd-watchdog";

    private final SystemdNotifier notifier;
    private final Duration period;
    private volatile boolean fed;

    /** Ticks every third of systemd's {@code timeout}, so a late tick or two is not fatal. */
    WatchdogRoute(SystemdNotifier notifier, Duration timeout) {
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.period = Objects.requireNonNull(timeout, "timeout == null").dividedBy(3);
    }

    @Override
    public void configure() {
        from(timer(ROUTE_ID).delay(0).period(Math.max(1, period.toMillis())))
            .routeId(ROUTE_ID)
            .process(exchange -> tick(exchange.getContext()));
    }

    private void tick(CamelContext camel) {
        if (!camel.getStatus().isStarted()) {
            return; // starting or stopping: systemd's start and stop time-outs watch those
        }
        ServiceStatus inbox = camel.getRouteController().getRouteStatus(InboxRoute.ROUTE_ID);
        if (inbox != null && inbox.isStarted()) {
            notifier.alive();
            fed = true;
        } else if (fed) {
            fed = false;
            LOG.warn("the inbox route is {}: systemd's watchdog is no longer told that leadrouter is alive", inbox);
        }
    }
}
