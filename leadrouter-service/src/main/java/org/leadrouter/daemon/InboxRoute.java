package org.leadrouter.daemon;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.builder.endpoint.dsl.FileEndpointBuilderFactory.FileEndpointConsumerBuilder;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.routes.DistributionRoute;

/**
 * The daemon's inbox: polls the folder, takes one complete file at a time (oldest first), offers the deferred queue
 * first when a new business day has begun ({@link HousekeepingRoute}), sends the file through the distribution
 * pipeline ({@link DistributionRoute}), then archives it. What happens when that fails is the
 * {@link DaemonErrorPolicy#INBOX inbox error policy}.
 */
public final class InboxRoute extends EndpointRouteBuilder {
    public static final String ROUTE_ID = "inbox";

    private final DaemonSettings settings;
    private final InboxFilter filter;
    private final InboxProcessing processing;
    private final StateCheck state;
    private final ScheduledExecutorService distributionThread;
    private final ArchivedGrowth growth;
    private final HighAvailability leadership;

    /**
     * @param distributionThread the one thread that polls the inbox and the deferred queue's timer, so that one batch
     *                           at a time goes through the pipeline (allocation is serial)
     */
    public InboxRoute(DaemonSettings settings, InboxFilter filter, InboxProcessing processing, StateCheck state,
                      ScheduledExecutorService distributionThread) {
        this(settings, filter, processing, state, distributionThread, null, HighAvailability.none());
    }

    /**
     * As above, with {@code growth} looked at on every poll (rows a sender added to a file after it was archived),
     * polling only while this node leads its high-availability pair.
     */
    public InboxRoute(DaemonSettings settings, InboxFilter filter, InboxProcessing processing, StateCheck state,
                      ScheduledExecutorService distributionThread, ArchivedGrowth growth, HighAvailability leadership) {
        this.growth = growth;
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.filter = Objects.requireNonNull(filter, "filter == null");
        this.processing = Objects.requireNonNull(processing, "processing == null");
        this.state = Objects.requireNonNull(state, "state == null");
        this.distributionThread = Objects.requireNonNull(distributionThread, "distributionThread == null");
        this.leadership = Objects.requireNonNull(leadership, "leadership == null");
    }

    @Override
    public void configure() throws Exception {
        // with high availability, only the leader polls the inbox
        from(inbox()).routeId(ROUTE_ID).routePolicy(leadership.policies().toArray(RoutePolicy[]::new))
            .routeConfigurationId(DaemonErrorPolicy.INBOX)
            .bean(state, "usable").id("state-usable")
            .to(HousekeepingRoute.DEFERRED_IF_NEW_DAY).id("deferred-first")
            .bean(processing, "request").id("request")
            .to(DistributionRoute.ENDPOINT).id("distribute")
            .bean(processing, "processed").id("archive");

        if (growth != null) {
            // camel-file cannot see a file grow after it has moved it: a sender that kept it open writes into the archive
            from(scheduler("archive-growth").initialDelay(settings.pollInterval().toMillis())
                    .delay(settings.pollInterval().toMillis()).scheduledExecutorService(distributionThread))
                .routeId("archive-growth").routeConfigurationId(DaemonErrorPolicy.TIMERS)
                .bean(growth, "check");
        }
    }

    /** The inbox folder as the route reads it. Each option keeps a promise docs/operations.md makes about the inbox. */
    FileEndpointConsumerBuilder inbox() {
        return file(settings.inbox().toAbsolutePath().toString())
            // the file stays where it is while it is processed; the route itself moves it to archive/ or error/
            .noop(true)
            // a file kept in the inbox (VTiger down, a stop) is taken again at a later poll
            .idempotent(false)
            .recursive(false)
            // only complete files (unchanged for inbox.stable-time, or with a .done marker; a cut last line waits
            // longer), none claimed by another process, none while VTiger trouble is being waited out.
            // This is by hand (InboxFilter, FileClaim) because camel-file's own options cannot keep these promises:
            // - readLock=changed/readLockMinAge and any exclusiveReadLockStrategy run after the sorted list is cut to
            //   maxMessagesPerPoll, so one incomplete oldest file would hold back every file behind it; `changed` also
            //   sleeps on this thread (the deferred queue's too), knows no "or at once with a .done marker"
            //   (doneFileName makes the marker compulsory), judges age by the file's own time (a file dated in the
            //   future would wait hours) and cannot see a last row cut mid-line;
            // - readLock=markerFile/fileLock/rename: a marker left by a killed process stays until deleted
            //   (readLockDeleteOrphanLockFiles deletes the live second daemon's markers too), a java FileLock is not
            //   seen across hosts on a share, and rename takes the file from under a sender still writing it;
            // - readLock=idempotent(-changed), idempotent=true: they need one repository shared by every daemon, and two
            //   daemons on one inbox each have their own state; a claim file beside the input, created atomically,
            //   refreshed while held and taken over once stale, is shared by them and survives kill -9;
            // - include/exclude would be matched only after this filter (camel-file runs a custom filter first), so
            //   the filter would judge, and warn about, names it must ignore: the names are checked here too.
            // preMove/move/moveFailed cannot say "keep it for a retry" after a handled failure, nor write the
            // .error.txt, number a clashing name or watch the archived file: the route moves files (FileOutcomes).
            .filter(filter)
            .readLock("none")
            // oldest first, one file per poll: the whole inbox is sorted first, then one is taken (by default camel-file
            // would stop scanning at the first file found, in directory order, and sort only that one)
            .sortBy("file:modified")
            .maxMessagesPerPoll(1)
            .eagerMaxMessagesPerPoll(false)
            .initialDelay(0)
            .delay(settings.pollInterval().toMillis())
            // one batch at a time: the thread that polls is the one the deferred timer runs on, and it waits for the
            // whole file (the parallel creates included) before it polls again
            .scheduledExecutorService(distributionThread)
            .advanced().synchronous(true)
            // the daemon creates its folders (private to its user and group) before the routes start
            .autoCreate(false)
            .basic();
    }
}
