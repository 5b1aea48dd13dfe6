package org.leadrouter.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.app.Wiring;
import org.leadrouter.config.Settings;
import org.leadrouter.daemon.Daemon;
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
            LogFormat.apply(settings.source());
            ConfigOption.warnAboutVariables(configuration);
            KeyOrigin.warnIfExposed(settings.source());
            Daemon daemon = Wiring.daemon(configuration.newMain(), settings, Clock.systemDefaultZone());
            daemon.run();
            return ExitCode.OK;
        } catch (Exception e) {
            return ExitCode.of(e, spec.commandLine().getErr());
        }
    }
}
