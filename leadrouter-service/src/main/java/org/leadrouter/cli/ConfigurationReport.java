package org.leadrouter.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.config.ManagementSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;

/** Prints the effective settings for people: the access key only as ****, with where it came from. */
final class ConfigurationReport {
    private ConfigurationReport() {
    }

    static void print(PrintWriter out, Path file, Settings s, KeyOrigin key) {
        VtigerSettings v = s.vtiger();
        DaemonSettings d = s.daemon();
        ManagementSettings m = s.management();
        out.println("Configuration: " + (file == null ? "no file, environment only" : file.toAbsolutePath()));
        line(out, "vtiger.url", withoutUserInfo(v.endpoint()));
        line(out, "vtiger.username", v.username());
        line(out, "vtiger.access-key", v.accessKey() + " (from " + key.description() + ")");
        line(out, "vtiger.server-timezone", v.serverZone().getId());
        line(out, "vtiger.truststore", v.trustStore().map(Object::toString).orElse("(the JVM's trusted CAs)"));
        line(out, "vtiger timeouts", "connect " + human(v.connectTimeout()) + ", read " + human(v.readTimeout())
                + "; " + v.retryAttempts() + " attempts, back-off " + human(v.initialBackoff()) + ".." + human(v.maxBackoff()));
        line(out, "vtiger.max-concurrency", v.maxConcurrency() + (v.maxConcurrency() == 1 ? " (one request at a time)"
                : " requests at a time, each on its own session"));
        line(out, "allocation.daily-cap", s.dailyCap() + capOverrides(s.source()));
        line(out, "allocation.timezone", s.allocationZone().getId());
        line(out, "advisors.include", list(s.advisorsInclude(), "(everyone)"));
        line(out, "advisors.exclude", list(s.advisorsExclude(), "(nobody)"));
        line(out, "advisors.include-admins", String.valueOf(s.includeAdmins()));
        line(out, "dedupe.modules", String.join(", ", s.dedupeModules()) + " (full refresh every " + human(s.dedupeFullRefresh()) + ")");
        line(out, "phone.default-region", s.phoneRegion());
        line(out, "lead fields", "course -> " + s.fieldMapping().courseField() + ", entry date -> "
                + s.fieldMapping().entryDateField() + ", source -> " + s.fieldMapping().sourceField());
        line(out, "state.dir", s.stateDir().toString());
        line(out, "mode", d.apply() ? "apply (leads are created in VTiger)" : "dry-run (leads are only planned)");
        line(out, "paths.inbox", d.inbox().toString());
        line(out, "paths.outbox", d.outbox().toString());
        line(out, "paths.archive", d.archive().toString());
        line(out, "paths.error", d.error().toString());
        line(out, "inbox", "polled every " + human(d.pollInterval()) + ", files taken after " + human(d.stableTime())
                + " unchanged; while VTiger is down retried every " + human(d.retryInitialBackoff()) + ".." + human(d.retryMaxBackoff()));
        line(out, "input limits", size(s.inputLimits().maxBytes()) + ", " + s.inputLimits().maxRows() + " rows");
        line(out, "management", m.enabled()
                ? "http://" + m.host() + ":" + m.port() + "/observe/metrics and /observe/health"
                : "disabled");
        line(out, "retention.days", String.valueOf(s.retentionDays()));
    }

    private static void line(PrintWriter out, String name, String value) {
        out.printf("  %-26s %s%n", name, value);
    }

    /** A URL with a user and password in it would print them: keep only scheme, host, port and path. */
    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://****@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }

    private static String capOverrides(ConfigSource source) {
        Collection<String> keys = source.fileKeysStartingWith("allocation.cap.");
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (per advisor:");
        for (String key : keys) {
            b.append(' ').append(key.substring("allocation.cap.".length())).append('=')
                    .append(source.get(key).orElse("?"));
        }
        return b.append(')').toString();
    }

    private static String list(Collection<String> values, String none) {
        return values.isEmpty() ? none : String.join(", ", values.stream().sorted().toList());
    }

    private static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String human(Duration d) {
        return Optional.of(d.toString().substring(2).toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).orElse("0s");
    }
}
