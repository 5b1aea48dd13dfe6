package org.leadrouter.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.config.Settings;
import org.leadrouter.daemon.Daemon;
import org.leadrouter.daemon.DaemonEvents;
import org.leadrouter.management.ManagementServer;
import org.leadrouter.metrics.DiskHealthCheck;
import org.leadrouter.metrics.InboxHealthCheck;
import org.leadrouter.metrics.HaHealthCheck;
import org.leadrouter.metrics.StateHealthCheck;
import org.leadrouter.metrics.LeadrouterMetrics;
import org.leadrouter.metrics.MetricsEvents;
import org.leadrouter.metrics.VtigerCallListeners;
import org.leadrouter.metrics.VtigerHealthCheck;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leadrouter daemon}: watches the inbox and distributes every file dropped there, until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Runs the service: watches the inbox, distributes each file, writes reports to the outbox, "
                + "archives inputs. Stops cleanly on SIGTERM.")
final class DaemonCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @Override
    public Integer call() {
        try {
            CamelConfiguration configuration = config.load(System.getenv());
            Settings settings = configuration.settings();
            ConfigOption.warnAboutVariables(configuration);
            KeyOrigin.warnIfExposed(settings.source());
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            LeadrouterMetrics metrics = new LeadrouterMetrics(registry);
            VtigerHealthCheck health = new VtigerHealthCheck();
            DiskHealthCheck disk = new DiskHealthCheck();
            InboxHealthCheck inbox = new InboxHealthCheck();
            StateHealthCheck state = new StateHealthCheck();
            HaHealthCheck ha = new HaHealthCheck(settings.ha().enabled());
            Daemon daemon = new Daemon(configuration.newMain(), settings, Clock.systemDefaultZone(), VtigerCallListeners.all(metrics, health),
                    DaemonEvents.both(new MetricsEvents(metrics),
                            DaemonEvents.both(disk, DaemonEvents.both(inbox, DaemonEvents.both(state, ha)))));
            if (settings.management().enabled()) {
                ManagementServer.requirePortFree(settings.management());
                ManagementServer.configure(daemon.main(), settings.management(), registry, health, disk, inbox, state, ha);
            }
            daemon.run();
            return ExitCode.OK;
        } catch (Exception e) {
            return ExitCode.of(e, spec.commandLine().getErr());
        }
    }
}
