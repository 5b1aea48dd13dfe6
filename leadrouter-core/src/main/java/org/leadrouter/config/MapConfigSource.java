package org.leadrouter.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Configuration values held in a map: {@link ConfigSource#of}. */
record MapConfigSource(Map<String, String> values, Map<String, String> environment) implements ConfigSource {
    MapConfigSource {
        values = Map.copyOf(Objects.requireNonNull(values, "values == null"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank()).map(String::trim);
    }

    @Override
    public Set<String> fileKeysStartingWith(String prefix) {
        Set<String> keys = new TreeSet<>();
        values.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return keys;
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public Optional<String> environmentVariable(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    @Override
    public String toString() {
        return "ConfigSource" + values.keySet(); // never the values: one is the access key
    }
}
