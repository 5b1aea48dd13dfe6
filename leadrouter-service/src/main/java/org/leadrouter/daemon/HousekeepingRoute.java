package org.leadrouter.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.spi.RoutePolicy;
import org.leadrouter.routes.DistributionRoute;

/**
 * The daemon's timers and the deferred queue: offer deferred leads when a new business day starts (before any new
 * file: the inbox route comes here first) or capacity frees up (on a timer, even when no file arrives), and purge
 * data past its retention period; keep the mark that this state's deferred queue is live ({@link LiveQueues}). What
 * happens when the timers fail is the {@link DaemonErrorPolicy#TIMERS timers' error policy}.
 */
public final class HousekeepingRoute extends EndpointRouteBuilder {
    static final String DEFERRED_IF_NEW_DAY = "direct:deferred-if-new-day";
    private static final String DEFERRED_IF_CAPACITY = "direct:deferred-if-capacity";

    private final DeferredRelease deferred;
    private final Retention retention;
    private final RetryGate gate;
    private final StateCheck state;
    private final Duration deferredCheck;
    private final ScheduledExecutorService distributionThread;
    private final HighAvailability leadership;
    private final LiveQueues liveQueues;

    /** @param distributionThread the inbox's polling thread, so that the deferred queue waits for the file in work */
    public HousekeepingRoute(DeferredRelease deferred, Retention retention, RetryGate gate, StateCheck state,
                             Duration deferredCheck, ScheduledExecutorService distributionThread,
                             HighAvailability leadership, LiveQueues liveQueues) {
        this.deferred = Objects.requireNonNull(deferred, "deferred == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.state = Objects.requireNonNull(state, "state == null");
        this.deferredCheck = Objects.requireNonNull(deferredCheck, "deferredCheck == null");
        this.distributionThread = Objects.requireNonNull(distributionThread, "distributionThread == null");
        this.leadership = Objects.requireNonNull(leadership, "leadership == null");
        this.liveQueues = Objects.requireNonNull(liveQueues, "liveQueues == null");
    }

    @Override
    public void configure() throws Exception {
        // with high availability, the timers run on the leader only
        from(scheduler("deferred-leads").initialDelay(deferredCheck.toMillis()).delay(deferredCheck.toMillis())
                .scheduledExecutorService(distributionThread).advanced().synchronous(true))
            .routeId("deferred-leads").routePolicy(leadership.policies().toArray(RoutePolicy[]::new))
            .routeConfigurationId(DaemonErrorPolicy.TIMERS)
            .filter(method(gate, "open"))
                .bean(state, "usable")
                .to(DEFERRED_IF_CAPACITY);

        from(timer("retention").delay(60_000).period(21_600_000))
            .routeId("retention").routePolicy(leadership.policies().toArray(RoutePolicy[]::new))
            .routeConfigurationId(DaemonErrorPolicy.TIMERS)
            .bean(state, "usable")
            .bean(retention, "purge");

        // on every node (a standby shares the leader's state, and so its queue): the copy of a live queue is refused
        from(timer("live-queue").delay(LiveQueues.BEAT.toMillis()).period(LiveQueues.BEAT.toMillis()))
            .routeId("live-queue")
            .routeConfigurationId(DaemonErrorPolicy.TIMERS)
            .bean(liveQueues, "beat");

        // the two ways the queue is offered; a failure goes back to the route that asked, for its policy to judge
        from(DEFERRED_IF_NEW_DAY).routeId("deferred-if-new-day").errorHandler(noErrorHandler())
            .filter(method(deferred, "dueForNewDay"))
                .bean(deferred, "offerForNewDay")
                .to(DistributionRoute.DEFERRED_ENDPOINT)
                .bean(deferred, "released");

        from(DEFERRED_IF_CAPACITY).routeId("deferred-if-capacity").errorHandler(noErrorHandler())
            .to(DEFERRED_IF_NEW_DAY)
            .filter(method(deferred, "capacityLeft"))
                .bean(deferred, "offerForCapacity")
                .to(DistributionRoute.DEFERRED_ENDPOINT)
                .bean(deferred, "released");
    }
}
