package org.leadrouter.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a secret may come from, in order: its key (better from its environment variable), a file named by
 * {@code <key>-file}, or a systemd credential ({@code LoadCredential=}) in {@code $CREDENTIALS_DIRECTORY}. Never from a
 * command-line argument, so that it shows neither in {@code ps} nor in the log.
 */
public final class SecretSource {
    private SecretSource() {
    }

    /** The secret of {@code key}, if one of its sources holds it; a named file that is empty or unreadable is an error. */
    public static Optional<Secret> read(ConfigSource source, String key, String credentialName) {
        Optional<String> direct = source.get(key);
        if (direct.isPresent()) {
            return Optional.of(new Secret(direct.get()));
        }
        Optional<String> file = source.get(key + "-file");
        if (file.isPresent()) {
            return Optional.of(readFile(key + "-file", Path.of(file.get())));
        }
        Optional<String> credentials = source.environmentVariable("CREDENTIALS_DIRECTORY");
        if (credentials.isPresent()) {
            Path candidate = Path.of(credentials.get(), credentialName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(readFile(key, candidate));
            }
        }
        return Optional.empty();
    }

    private static Secret readFile(String key, Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                throw new ConfigException(key, "the file " + file + " is empty");
            }
            return new Secret(value);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
