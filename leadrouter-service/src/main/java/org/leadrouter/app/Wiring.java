package org.leadrouter.app;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.leadrouter.availability.Availability;
import org.leadrouter.batch.Mode;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.config.HaSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.daemon.ArchivedGrowth;
import org.leadrouter.daemon.Daemon;
import org.leadrouter.daemon.DaemonAssembly;
import org.leadrouter.daemon.DaemonErrorPolicy;
import org.leadrouter.daemon.DaemonEvents;
import org.leadrouter.daemon.DeferredQueueCopy;
import org.leadrouter.daemon.LiveQueues;
import org.leadrouter.daemon.DeferredRelease;
import org.leadrouter.daemon.FileOutcomes;
import org.leadrouter.daemon.FileWaits;
import org.leadrouter.daemon.GlanceEvents;
import org.leadrouter.daemon.HighAvailability;
import org.leadrouter.daemon.InboxFlow;
import org.leadrouter.daemon.InboxWatchRoute;
import org.leadrouter.daemon.HousekeepingRoute;
import org.leadrouter.daemon.InboxFilter;
import org.leadrouter.daemon.InboxProcessing;
import org.leadrouter.daemon.InboxRoute;
import org.leadrouter.daemon.Retention;
import org.leadrouter.daemon.RetryGate;
import org.leadrouter.daemon.StateCheck;
import org.leadrouter.dedupe.crm.CrmDuplicateFinder;
import org.leadrouter.dedupe.crm.CrmKeyMirror;
import org.leadrouter.dedupe.crm.CrmMirrorSync;
import org.leadrouter.files.FileClaim;
import org.leadrouter.glance.Glance;
import org.leadrouter.glance.VtigerReachability;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.management.ManagementServer;
import org.leadrouter.metrics.DiskHealthCheck;
import org.leadrouter.metrics.HaHealthCheck;
import org.leadrouter.metrics.InboxHealthCheck;
import org.leadrouter.metrics.StateHealthCheck;
import org.leadrouter.metrics.LeadrouterMetrics;
import org.leadrouter.metrics.MetricsEvents;
import org.leadrouter.metrics.VtigerCallListeners;
import org.leadrouter.metrics.VtigerHealthCheck;
import org.leadrouter.pipeline.AllocateLeads;
import org.leadrouter.pipeline.CreateLead;
import org.leadrouter.pipeline.DistributionSteps;
import org.leadrouter.pipeline.FindDuplicates;
import org.leadrouter.pipeline.HaltCreating;
import org.leadrouter.pipeline.JournalMarkers;
import org.leadrouter.pipeline.LeadCreator;
import org.leadrouter.pipeline.LeadFieldsCheck;
import org.leadrouter.pipeline.LoadDeferred;
import org.leadrouter.pipeline.ReadLeadFile;
import org.leadrouter.pipeline.RecallJournal;
import org.leadrouter.pipeline.RecordOutcome;
import org.leadrouter.pipeline.RememberRotation;
import org.leadrouter.pipeline.ReportProgress;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.pipeline.TodayLoads;
import org.leadrouter.pipeline.ValidateLeads;
import org.leadrouter.pipeline.WriteReport;
import org.leadrouter.roster.AdvisorSelection;
import org.leadrouter.roster.RosterLoader;
import org.leadrouter.routes.DistributionRoute;
import org.leadrouter.state.StateDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.leadrouter.vtiger.Sleeper;
import org.leadrouter.vtiger.VtigerCallListener;
import org.leadrouter.vtiger.VtigerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadrouter's object graph, built here and nowhere else: read this first to see what is made from what. Both
 * modes share {@link #distribution} (the state, the journal, the VTiger client and the pipeline's steps in their
 * route): {@code run} sends its one file through it; the daemon ({@link #daemon}, then {@link #daemonRoutes} when
 * Camel Main configures) adds the inbox, the timers, the page, metrics and health around the same pipeline.
 */
public final class Wiring {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    /** The pipeline inside {@code camel} (not started): state, journal, VTiger client, steps, their route. */
    public static Leadrouter distribution(CamelContext camel, Settings settings, Clock clock, VtigerCallListener listener)
            throws Exception {
        StateDatabase state = StateDatabase.open(settings.state());
        try {
            Journal journal = new Journal(state, clock);
            VtigerClient vtiger = VtigerClient.of(settings.vtiger(), listener);
            ShutdownSignal shutdown = new ShutdownSignal();
            Pipeline pipeline = pipeline(settings, vtiger, state, journal, shutdown, clock);
            camel.addRoutes(new DistributionRoute(pipeline.steps(), settings.vtiger().maxConcurrency()));
            return new Leadrouter(camel, state, journal, vtiger, pipeline, shutdown);
        } catch (Exception | Error e) {
            state.close();
            throw e;
        }
    }

    /** The steps, and what the daemon's deferred queue asks of the same day's roster and rules. */
    record Pipeline(DistributionSteps steps, TodayLoads todayLoads, Availability availability) {
    }

    private static Pipeline pipeline(Settings settings, VtigerClient vtiger, StateDatabase state, Journal journal,
                                     ShutdownSignal shutdown, Clock clock) {
        PhoneNormaliser phones = new PhoneNormaliser(settings.phoneRegion());
        CrmKeyMirror mirror = new CrmKeyMirror(state);
        CrmMirrorSync sync = new CrmMirrorSync(vtiger, mirror, phones, settings.dedupeFullRefresh(),
                settings.vtiger().serverZone(), clock);
        RosterLoader roster = new RosterLoader(vtiger,
                new AdvisorSelection(settings.advisorsInclude(), settings.advisorsExclude(), settings.includeAdmins()),
                settings::capFor, settings.allocationZone(), settings.vtiger().serverZone());
        TodayLoads todayLoads = new TodayLoads(roster, journal, clock);
        LeadCreator creator = new LeadCreator(vtiger, vtiger.retryPolicy(), Sleeper.REAL, settings.createSettleTime(), clock);
        Availability availability = new Availability(settings.routing());
        DistributionSteps steps = new DistributionSteps(
                new ReadLeadFile(settings.inputLimits()),
                new RecallJournal(journal, new JournalMarkers(vtiger), creator),
                new LoadDeferred(journal, creator),
                new ValidateLeads(phones),
                new FindDuplicates(new CrmDuplicateFinder(vtiger, mirror, sync, settings.dedupeModules())),
                new AllocateLeads(todayLoads, state, availability),
                new CreateLead(creator, settings.fieldMapping(), new LeadFieldsCheck(vtiger, settings.fieldMapping()),
                        journal, shutdown),
                new ReportProgress(),
                new HaltCreating(),
                new RememberRotation(state),
                new WriteReport(settings.report()),
                new RecordOutcome(journal),
                settings.report());
        return new Pipeline(steps, todayLoads, availability);
    }

    /** The {@code daemon} command's service in {@code main}: with metrics, health and, when enabled, the management server. */
    public static Daemon daemon(Main main, Settings settings, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LeadrouterMetrics metrics = new LeadrouterMetrics(registry);
        VtigerHealthCheck health = new VtigerHealthCheck();
        DiskHealthCheck disk = new DiskHealthCheck();
        InboxHealthCheck inbox = new InboxHealthCheck();
        StateHealthCheck state = new StateHealthCheck();
        HaHealthCheck ha = new HaHealthCheck(settings.ha().enabled());
        Daemon daemon = daemon(main, settings, clock, VtigerCallListeners.all(metrics, health),
                DaemonEvents.both(new MetricsEvents(metrics),
                        DaemonEvents.both(disk, DaemonEvents.both(inbox, DaemonEvents.both(state, ha)))));
        if (settings.management().enabled()) {
            ManagementServer.requirePortFree(settings.management());
            ManagementServer.configure(main, settings.management(), registry, health, disk, inbox, state, ha);
        }
        return daemon;
    }

    /** As below, in a Camel Main without a configuration file (tests and embedding). */
    public static Daemon daemon(Settings settings, Clock clock, VtigerCallListener calls, DaemonEvents events) {
        return daemon(CamelConfiguration.plainMain(), settings, clock, calls, events);
    }

    /** A daemon in {@code main} that tells {@code calls} and {@code events} (no metrics or management server: tests). */
    public static Daemon daemon(Main main, Settings settings, Clock clock, VtigerCallListener calls, DaemonEvents events) {
        return new Daemon(main, settings, calls, events, (camel, watched, reachability, daemonEvents) -> {
            Leadrouter app = distribution(camel, settings, clock, watched);
            try {
                Glance glance = daemonRoutes(app, settings, clock, reachability, daemonEvents);
                return new DaemonAssembly.Assembled(app.shutdown(), app::close, glance);
            } catch (Exception | Error e) {
                app.close();
                throw e;
            }
        });
    }

    /**
     * The daemon's parts around the pipeline of {@code app}, into its Camel context: the inbox route and its error
     * policy, the housekeeping timers, the deferred queue and the page. Returns the page, which the daemon serves.
     */
    static Glance daemonRoutes(Leadrouter app, Settings settings, Clock clock, VtigerReachability reachability,
                                      DaemonEvents daemonEvents) throws Exception {
        CamelContext camel = app.camel();
        DaemonSettings d = settings.daemon();
        StateDatabase state = app.state();
        // waiting and file ages are measured on the system clock; the injected clock decides business days
        Clock system = Clock.systemUTC();
        RetryGate gate = new RetryGate(d.retryInitialBackoff(), d.retryMaxBackoff(), system);
        Glance glance = new Glance(state, d.outbox(), app.journal()::deferredCount, reachability, d.apply(), clock,
                settings.allocationZone(), settings.routing().rules().pools());
        InboxFlow flow = new InboxFlow(d.inbox(), InboxFlow.stallAfter(d.stableTime(), d.unterminatedLineTime(),
                d.retryMaxBackoff()), clock); // the page's clock: its times are the team's
        DaemonEvents events = DaemonEvents.both(flow, new GlanceEvents(daemonEvents, glance));
        events.inboxWatched(flow::status);
        FileOutcomes outcomes = new FileOutcomes(d, clock, settings.allocationZone(),
                settings.report().format().extension());
        // the copy of this state's deferred queue, rewritten after each file and each release
        DeferredQueueCopy queueCopy = new DeferredQueueCopy(app.journal(), d.outbox(), state.id());
        Pipeline pipeline = app.pipeline();
        DeferredRelease deferred = new DeferredRelease(pipeline.todayLoads(), pipeline.availability(),
                pipeline.steps().loadDeferred(), app.journal(), state, outcomes, queueCopy, settings.allocationZone(),
                clock, events);
        Mode mode = d.apply() ? Mode.APPLY : Mode.DRY_RUN;
        FileWaits waits = new FileWaits(d.retryInitialBackoff(), d.retryMaxBackoff(), system);
        HaSettings ha = settings.ha();
        String role = ha.enabled() ? "daemon node " + ha.nodeId() + " of cluster " + ha.cluster()
                : "daemon of state " + settings.stateDir().toAbsolutePath();
        // this state (this node) is ours alone now: claims with our name are left from a process that was killed
        FileClaim.releaseLeftBy(d.inbox(), FileClaim.ownerPrefix(role));
        HighAvailability leadership = HighAvailability.join(camel, ha, leading -> {
            if (leading) {
                takeOverClaims(d, ha);
            }
            events.leadershipChanged(leading);
        });
        app.shutdown().leadership(leadership::leading);
        events.leadershipChanged(!leadership.enabled());
        queueCopy.checkAtStart();
        // marked live from now until the context stops: a copy of this queue in the inbox is refused meanwhile
        LiveQueues liveQueues = new LiveQueues(d.outbox(), state.id());
        camel.addService(liveQueues);
        ArchivedGrowth growth = new ArchivedGrowth(d.inbox(), d.stableTime(), d.unterminatedLineTime(), system);
        InboxProcessing processing = new InboxProcessing(outcomes, gate, waits, FileClaim.owner(role), queueCopy::refresh,
                mode, events, growth);
        // one thread polls the inbox and runs the deferred queue's timer: one batch at a time, whichever asks
        ScheduledExecutorService distributionThread = camel.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(app, "distribution");
        StateCheck stateCheck = new StateCheck(state, gate, events);
        camel.addRoutesConfigurations(new DaemonErrorPolicy(processing, stateCheck, gate));
        camel.addRoutes(new InboxRoute(d, new InboxFilter(d.stableTime(), d.unterminatedLineTime(), gate, waits, system),
                processing, stateCheck, distributionThread, growth, leadership));
        events.started(app.journal()::deferredCount);
        camel.addRoutes(new InboxWatchRoute(flow, glance, InboxWatchRoute.periodFor(d.pollInterval()), leadership));
        camel.addRoutes(new HousekeepingRoute(deferred, new Retention(d, app.journal(), settings.retentionDays(), clock),
                gate, stateCheck, d.deferredCheck(), distributionThread, leadership, liveQueues));
        return glance;
    }

    /**
     * The new leader takes over the claims of the cluster's daemons: the node that led before stopped creating when
     * it lost the leadership (it asks before each create), or died. Rows it journalled as being sent are settled by
     * their import markers, as after a crash.
     */
    private static void takeOverClaims(DaemonSettings d, HaSettings ha) {
        try {
            FileClaim.releaseMatching(d.inbox(), owner -> owner.contains(" daemon node ")
                    && owner.contains(" of cluster " + ha.cluster() + " pid "),
                    "took over the claim {} of the node that led before");
        } catch (java.io.IOException e) {
            LOG.warn("cannot take over the claims of the node that led before ({}); they expire by themselves",
                    e.getClass().getSimpleName());
        }
    }
}

