package org.leadrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.leadrouter.config.ConfigException;
import org.apache.camel.main.Main;
import org.leadrouter.app.CamelConfiguration;
import org.leadrouter.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;

/** {@code leadrouter check}: is this installation ready? Configuration, folders and VTiger, changing nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks an installation without changing anything: prints the configuration (access key masked),"
                + " checks the folders and the state directory, logs in to VTiger and shows today's advisors.",
                "Exit codes: 0 all well; 3 VTiger unreachable or login refused; 2 configuration or folder problem."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @Override
    public Integer call() {
        Messages.use(Language.EN); // check is the administrator's: everything it prints stays in English
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        Path file = config.file(environment);
        CamelConfiguration configuration;
        Settings settings;
        try {
            configuration = CamelConfiguration.load(file, environment);
            settings = configuration.settings();
            camelAccepts(configuration);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        KeyOrigin key = KeyOrigin.of(configuration.source());
        ConfigurationReport.print(out, file, settings, key);
        key.exposure().ifPresent(w -> out.println("WARNING: " + w));
        configuration.unknownVariables().forEach(w -> out.println("WARNING: " + w));

        boolean foldersOk = checkFolders(out, err, settings);
        int state = StateCheckReport.print(settings.state(), out, err);
        out.flush();
        if (state != ExitCode.OK) {
            err.flush();
            return state;
        }
        int vtiger = VtigerCheck.run(settings, Clock.systemDefaultZone(), out, err);
        out.flush();
        err.flush();
        if (vtiger != ExitCode.OK) {
            return vtiger;
        }
        return foldersOk ? ExitCode.OK : ExitCode.USAGE;
    }

    /** Camel applies the file's {@code camel.*} keys as the daemon would, without starting anything. */
    private static void camelAccepts(CamelConfiguration configuration) {
        Main main = configuration.newMain();
        try {
            main.init();
        } finally {
            main.stop();
        }
    }

    private static boolean checkFolders(PrintWriter out, PrintWriter err, Settings settings) {
        String user = System.getProperty("user.name");
        out.println("Folders (as user " + user + "):");
        if ("root".equals(user)) {
            out.println("  Note: root can write anywhere; run the check as the service user to see what it can do.");
        }
        Map<String, Path> folders = settings.daemon().folders();
        folders.put("state.dir", settings.stateDir());
        boolean ok = true;
        for (Map.Entry<String, Path> f : folders.entrySet()) {
            StringBuilder note = new StringBuilder();
            Optional<String> problem = FolderCheck.problem(f.getValue(), note);
            if (problem.isPresent()) {
                ok = false;
                out.printf("  %-26s PROBLEM%n", f.getKey());
                err.println("error: " + f.getKey() + ": " + problem.get());
            } else {
                out.printf("  %-26s %s (%s)%n", f.getKey(), f.getValue().toAbsolutePath().normalize(), note);
            }
        }
        return ok;
    }
}
