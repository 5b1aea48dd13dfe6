package org.leadrouter.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.i18n.Messages;
import org.leadrouter.glance.VtigerReachability;
import org.leadrouter.management.ManagementServer;
import org.leadrouter.vtiger.Backoff;
import org.leadrouter.vtiger.RetryPolicy;
import org.leadrouter.vtiger.VtigerCallListener;
import org.leadrouter.vtiger.VtigerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running service: Camel Main holding the distribution routes, the inbox route and the timers. On a stop
 * request (SIGTERM) the creates in flight finish and the file waits in the inbox for the next start.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Settings settings;
    private final VtigerCallListener calls;
    private final DaemonEvents events;
    private final Main main;
    /** Beyond the longest a create in flight may take (the read timeout, then a marker lookup) before stopping. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(30);
    /** The longest wait between two tries of a shared state database that does not answer at start. */
    private static final Duration STATE_WAIT_MAX = Duration.ofSeconds(30);
    private final Duration stopTimeout;
    /** Where the management server serves the "today at a glance" page. */
    public static final String GLANCE_PATH = "/hoy";

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final DaemonAssembly assembly;
    private volatile DaemonAssembly.Assembled app;
    private final VtigerReachability reachability;
    private volatile Exception startFailure;
    /** systemd's Type=notify: ready once the routes run and VTiger was tried; stopping; the watchdog. */
    private final SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile String vtigerAtStart = "VTiger not tried";

    /** A daemon in {@code main}, whose property placeholders hold the configuration; {@code app.Wiring} builds it. */
    public Daemon(Main main, Settings settings, VtigerCallListener calls, DaemonEvents events,
                  DaemonAssembly assembly) {
        this.main = Objects.requireNonNull(main, "main == null");
        this.assembly = Objects.requireNonNull(assembly, "assembly == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.calls = Objects.requireNonNull(calls, "calls == null");
        this.events = Objects.requireNonNull(events, "events == null");
        this.reachability = new VtigerReachability(Clock.systemUTC());
        Messages.use(settings.language()); // what the sales team reads: reports, .error.txt, the page
        // a stop waits for the create in flight as long as it may take; what is still unanswered then is settled by
        // its import marker at the next start (see LeadCreator). systemd's TimeoutStopSec must be longer still.
        Duration routes = settings.vtiger().readTimeout().plus(settings.vtiger().initialBackoff()).plus(STOP_MARGIN);
        main.configure().setShutdownTimeout((int) Math.max(1, routes.toSeconds()));
        this.stopTimeout = routes.plus(STOP_MARGIN);
        main.addMainListener(new Lifecycle());
    }

    /** The Camel Main, for configuration before {@link #run()} (e.g. the management server). */
    public Main main() {
        return main;
    }

    /** Runs until stopped (SIGTERM, or {@link #stop()}). */
    public void run() throws Exception {
        DaemonSettings d = settings.daemon();
        Folders.prepare(d);
        // a state in use by another process, damaged, read-only or newer is refused before anything starts (and
        // before anything says it started); a shared database that does not answer yet is waited for
        Duration longest = d.retryMaxBackoff().compareTo(STATE_WAIT_MAX) < 0 ? d.retryMaxBackoff() : STATE_WAIT_MAX;
        StateAtStart state = new StateAtStart(settings.state(), new Backoff(d.retryInitialBackoff(), longest), systemd);
        if (!state.await(stopping::get)) {
            LOG.info("leadrouter stopped while waiting for the state database; it never started");
            started.countDown();
            finished.countDown();
            return;
        }
        // On SIGTERM the JVM ends once its shutdown hooks return: this one holds it until the creates in flight are done,
        // the routes are stopped and the state is closed.
        Thread hook = new Thread(() -> {
            stop();
            awaitFinished(stopTimeout);
        }, "leadrouter-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            main.run();
        } catch (Exception | Error e) {
            if (startFailure == null) {
                throw e;
            }
        } finally {
            started.countDown();
            if (app != null) {
                app.close().run();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it is waiting for exactly this point
            }
        }
        if (startFailure != null) {
            throw startFailure;
        }
    }

    private void awaitFinished(Duration timeout) {
        try {
            if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("leadrouter did not stop within {}s; exiting anyway (the next start resumes safely)", timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a stop may take: the routes' graceful shutdown (a create in flight) and closing the state. */
    Duration stopTimeout() {
        return stopTimeout;
    }

    /** Waits until the routes are running (for tests and embedding). */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && startFailure == null && app != null;
    }

    /** Asks the daemon to stop, as SIGTERM does. */
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            systemd.stopping();
        }
        if (app != null) {
            app.shutdown().request();
        }
        main.completed();
    }

    /**
     * The page's watcher first, then the given listener, called as it would be alone (a failure it raises reaches the
     * client as before).
     */
    private VtigerCallListener watchedCalls() {
        return (operation, outcome, elapsed) -> {
            reachability.called(operation, outcome, elapsed);
            calls.called(operation, outcome, elapsed);
        };
    }

    /** Builds the application into Camel Main's context and says one line at start and at stop. */
    private final class Lifecycle extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport support) {
            CamelContext camel = support.getCamelContext();
            try {
                app = assembly.build(camel, watchedCalls(), reachability, events);
                if (systemd.watchdogTimeout().isPresent()) {
                    camel.addRoutes(new WatchdogRoute(systemd, systemd.watchdogTimeout().get()));
                }
            } catch (Exception e) {
                startFailure = e;
                main.completed();
                // nothing is started after a refusal (e.g. the state is in use): Camel Main stops here
                throw new IllegalStateException("leadrouter cannot start", e);
            }
        }

        @Override
        public void afterStart(BaseMainSupport support) {
            if (startFailure != null) {
                // refused (e.g. the state is in use): it must not say it started, and stops at once
                main.completed();
                return;
            }
            DaemonSettings d = settings.daemon();
            LOG.info("leadrouter started: mode {}, inbox {}, VTiger {} as {}, state {}{}",
                    d.apply() ? "apply" : "dry-run", d.inbox(), settings.vtiger().endpoint().getHost(),
                    settings.vtiger().username(), settings.state().describe(), settings.ha().enabled()
                            ? ", high availability " + settings.ha().mode().name().toLowerCase(java.util.Locale.ROOT)
                            + " as node " + settings.ha().nodeId() : "");
            if (settings.management().enabled() && app != null) {
                ManagementServer.serve(support.getCamelContext(), GLANCE_PATH, app.glance()::servedHtml);
            }
            systemd.ready("distributing files from " + d.inbox() + " (" + (d.apply() ? "apply" : "dry-run") + "); "
                    + vtigerAtStart);
            started.countDown();
        }

        /**
         * Before the routes start (so that this login does not meet the inbox's first one), one login without
         * retries: being ready then means VTiger was reached or its absence logged. The files wait in the inbox
         * while it is away, as always.
         */
        @Override
        public void beforeStart(BaseMainSupport support) {
            if (startFailure == null) {
                vtigerAtStart = tryVtiger();
            }
        }

        private String tryVtiger() {
            String host = settings.vtiger().endpoint().getHost();
            try (VtigerClient vtiger = VtigerClient.of(settings.vtiger(), RetryPolicy.ONCE, watchedCalls())) {
                vtiger.login();
                LOG.info("VTiger reached at {} as {}", host, settings.vtiger().username());
                return "VTiger reached";
            } catch (RuntimeException e) {
                LOG.warn("VTiger not reached at {} ({}); files wait in the inbox until it answers", host, e.getMessage());
                return "VTiger not reached";
            }
        }

        @Override
        public void beforeStop(BaseMainSupport support) {
            LOG.info("leadrouter stopping: finishing the creates in flight");
            if (app != null) {
                app.shutdown().request();
            }
        }

        @Override
        public void afterStop(BaseMainSupport support) {
            LOG.info("leadrouter stopped");
        }
    }
}
