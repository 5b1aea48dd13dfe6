package org.leadrouter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw configuration values: a properties file overlaid by environment variables named
 * {@code LEADROUTER_} + the key in upper snake case ({@code vtiger.access-key} → {@code LEADROUTER_VTIGER_ACCESS_KEY}).
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "LEADROUTER_";

    private final Properties properties;
    private final Map<String, String> environment;
    private final Path file;

    public ConfigSource(Properties properties, Map<String, String> environment, Path file) {
        this.properties = Objects.requireNonNull(properties, "properties == null");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
        this.file = file;
    }

    /** Reads {@code file} (when not null) and overlays the given environment. */
    public static ConfigSource load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(null, "configuration file " + file + " does not exist or is not a file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException(null, "cannot read configuration file " + file + ": " + e.getMessage());
            }
        }
        return new ConfigSource(properties, environment, file);
    }

    /** Only properties, no environment: handy for tests and the embedded demo. */
    public static ConfigSource of(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return new ConfigSource(properties, Map.of(), null);
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The value of {@code key}, environment first; blank values count as absent. */
    public Optional<String> get(String key) {
        String fromEnv = environment.get(environmentName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        String fromFile = properties.getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(fromFile.trim());
        }
        return Optional.empty();
    }

    /** Keys of the file that start with {@code prefix}, for families such as {@code allocation.cap.<user>}. */
    public Set<String> fileKeysStartingWith(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                keys.add(name);
            }
        }
        return keys;
    }

    /** The configuration file, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The process environment, for secrets that come from systemd's credentials directory. */
    public Optional<String> environmentVariable(String name) {
        return Optional.ofNullable(environment.get(name));
    }
}
