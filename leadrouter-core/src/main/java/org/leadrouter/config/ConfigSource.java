package org.leadrouter.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw configuration values by key, for {@link Settings} to type and check. The service binds them on Camel's
 * property placeholders (the properties file, overlaid by the {@code LEADROUTER_*} variables); {@link #of} holds
 * them in a map, for tests and the embedded demo.
 */
public interface ConfigSource {
    String ENV_PREFIX = "LEADROUTER_";

    /** The value of {@code key}; blank values count as absent. */
    Optional<String> get(String key);

    /** Keys of the file that start with {@code prefix}, for families such as {@code allocation.cap.<user>}. */
    Set<String> fileKeysStartingWith(String prefix);

    /** The configuration file, when there is one. */
    Optional<Path> file();

    /** A variable of the process environment that is not a key, e.g. systemd's {@code CREDENTIALS_DIRECTORY}. */
    Optional<String> environmentVariable(String name);

    /** The environment variable that overrides {@code key}: {@code vtiger.access-key} → {@code LEADROUTER_VTIGER_ACCESS_KEY}. */
    static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** These values alone, as if they were a file's: no environment. */
    static ConfigSource of(Map<String, String> values) {
        return new MapConfigSource(values, Map.of());
    }

    /**
     * These values as a file's, and an environment that is only asked for variables that are not keys
     * ({@link #environmentVariable}); overlaying keys with {@code LEADROUTER_*} variables is the service's binding.
     */
    static ConfigSource of(Map<String, String> values, Map<String, String> environment) {
        return new MapConfigSource(values, environment);
    }
}
