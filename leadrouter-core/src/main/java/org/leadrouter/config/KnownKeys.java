package org.leadrouter.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The keys leadrouter reads, so that a mistyped one ({@code allocation.daily_cap}) stops the program naming the
 * nearest known key instead of being silently ignored. {@code camel.*} keys are Camel's, and Camel checks them.
 */
public final class KnownKeys {
    /** Camel's own options ({@code camel.main.*}, {@code camel.component.*}…), tuned from the same file. */
    public static final String CAMEL_PREFIX = "camel.";

    static final Set<String> KEYS = Set.of(
            "vtiger.url", "vtiger.username", "vtiger.access-key", "vtiger.access-key-file", "vtiger.server-timezone",
            "vtiger.connect-timeout", "vtiger.read-timeout", "vtiger.create-settle-time", "vtiger.truststore",
            "vtiger.truststore-password", "vtiger.retry.attempts", "vtiger.retry.initial-backoff",
            "vtiger.retry.max-backoff", "vtiger.max-concurrency",
            "allocation.daily-cap", "allocation.timezone", "allocation.working-days", "allocation.holidays",
            "availability.absences-file", "advisors.include", "advisors.exclude", "advisors.include-admins",
            "dedupe.modules", "dedupe.full-refresh", "phone.default-region",
            "lead.course-field", "lead.entry-date-field", "lead.source-field",
            "state.dir", "state.url", "state.username", "state.password", "state.password-file",
            "ha.mode", "ha.node-id", "ha.cluster-name", "ha.file.root", "ha.file.lock-interval", "ha.zookeeper.connect",
            "ha.zookeeper.session-timeout", "mode", "paths.inbox", "paths.outbox", "paths.archive", "paths.error",
            "inbox.poll-interval", "inbox.stable-time", "inbox.unterminated-line-time",
            "inbox.retry.initial-backoff", "inbox.retry.max-backoff",
            "deferred.check-interval", "input.max-bytes", "input.max-rows", "language", "report.format",
            "report.delimiter", "report.csv-delimiter", "logging.format", "management.enabled", "management.host", "management.port", "retention.days");

    /** Families of keys: the prefix, then a name of the installation's (an advisor, a pool, a rule's number…). */
    static final Set<String> FAMILIES = Set.of("allocation.cap.", "allocation.weight.", "routing.pool.", "routing.rule.");

    /** Variables of leadrouter's that are not keys: the file to read, and the launcher's log level. */
    static final Set<String> VARIABLES = Set.of("LEADROUTER_CONFIG", "LEADROUTER_LOG_LEVEL");

    private KnownKeys() {
    }

    /**
     * A warning for each {@code LEADROUTER_*} variable among {@code names} that overrides no key, with the nearest
     * one that does. Warned, not refused: the environment is shared with the shell and the unit's other programs.
     */
    public static List<String> unknownVariables(Collection<String> names, Collection<String> asked) {
        List<String> warnings = new ArrayList<>();
        Set<String> known = new TreeSet<>(VARIABLES);
        Stream.concat(KEYS.stream(), asked.stream()).map(ConfigSource::environmentName).forEach(known::add);
        List<String> families = FAMILIES.stream().map(ConfigSource::environmentName).toList();
        for (String name : new TreeSet<>(names)) {
            if (!name.startsWith(ConfigSource.ENV_PREFIX) || known.contains(name)
                    || families.stream().anyMatch(f -> name.startsWith(f) && name.length() > f.length())) {
                continue;
            }
            Optional<String> nearest = known.stream().min(Comparator.comparingInt((String k) -> EditDistance.between(name, k))
                    .thenComparing(k -> k)).filter(k -> EditDistance.between(name, k) <= Math.max(2, name.length() / 3));
            warnings.add("the environment variable " + name + " sets no leadrouter setting and is ignored"
                    + nearest.map(k -> "; did you mean " + k + "?").orElse(""));
        }
        return warnings;
    }

    /**
     * Throws for the first key of {@code fileKeys} that leadrouter does not know, naming the nearest known one.
     * {@code asked} are the keys the settings were read with: a key read is known even before it is listed here.
     */
    public static void refuseUnknown(Collection<String> fileKeys, Collection<String> asked) {
        for (String key : new TreeSet<>(fileKeys)) {
            if (!isKnown(key, asked)) {
                throw new ConfigException(key, "is not a leadrouter setting" + nearest(key, asked)
                        .map(k -> "; did you mean " + k + "?").orElse(""));
            }
        }
    }

    static boolean isKnown(String key, Collection<String> asked) {
        return key.startsWith(CAMEL_PREFIX) || KEYS.contains(key) || asked.contains(key)
                || FAMILIES.stream().anyMatch(f -> key.startsWith(f) && key.length() > f.length());
    }

    /** The known key nearest to {@code key} (by edit distance), when one is near enough to be a likely typo. */
    static Optional<String> nearest(String key, Collection<String> asked) {
        Stream<String> plain = Stream.concat(KEYS.stream(), asked.stream());
        Stream<String> family = FAMILIES.stream().map(f -> f + rest(key, f));
        return Stream.concat(plain, family)
                .min(Comparator.comparingInt((String k) -> EditDistance.between(key, k)).thenComparing(k -> k))
                .filter(k -> EditDistance.between(key, k) <= Math.max(2, key.length() / 3));
    }

    /** {@code key} without as many leading dot-separated parts as {@code family} has: the advisor, pool or rule. */
    private static String rest(String key, String family) {
        int parts = family.split("\\.").length;
        List<String> segments = List.of(key.split("\\.", -1));
        return segments.size() <= parts ? "<name>" : String.join(".", segments.subList(parts, segments.size()));
    }
}
