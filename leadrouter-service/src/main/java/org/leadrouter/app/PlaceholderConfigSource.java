package org.leadrouter.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.PropertiesComponent;
import org.leadrouter.config.ConfigSource;

/** Leadrouter's keys read through Camel's properties component; remembers which keys the settings asked for. */
final class PlaceholderConfigSource implements ConfigSource {
    private final PropertiesComponent properties;
    private final Path file;
    private final Map<String, String> environment;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    PlaceholderConfigSource(PropertiesComponent properties, Path file, Map<String, String> environment) {
        this.properties = Objects.requireNonNull(properties, "properties == null");
        this.file = file;
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    }

    @Override
    public Optional<String> get(String key) {
        asked.add(key);
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).map(String::trim);
    }

    @Override
    public Set<String> fileKeysStartingWith(String prefix) {
        return new TreeSet<>(properties.loadProperties(k -> k.startsWith(prefix)).stringPropertyNames());
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<String> environmentVariable(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** The keys the settings were read with so far. */
    Set<String> asked() {
        return Set.copyOf(asked);
    }

    @Override
    public String toString() {
        return "ConfigSource[" + (file == null ? "no file" : file) + "]"; // never the values: one is the access key
    }
}
