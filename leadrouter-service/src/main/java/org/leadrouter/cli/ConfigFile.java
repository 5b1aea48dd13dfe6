package org.leadrouter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the configuration file: {@code --config}, else {@code $LEADROUTER_CONFIG}, else
 * {@code ./conf/leadrouter.properties}, else {@code /etc/leadrouter/leadrouter.properties}; none is fine
 * when the environment supplies every required key.
 */
final class ConfigFile {
    static final Path LOCAL = Path.of("conf", "leadrouter.properties");
    static final Path SYSTEM = Path.of("/etc/leadrouter/leadrouter.properties");

    private ConfigFile() {
    }

    static Path locate(Path explicit, Map<String, String> environment) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = environment.get("LEADROUTER_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (Files.isRegularFile(LOCAL)) {
            return LOCAL;
        }
        return Files.isRegularFile(SYSTEM) ? SYSTEM : null;
    }
}
