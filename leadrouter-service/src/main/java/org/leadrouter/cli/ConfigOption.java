package org.leadrouter.cli;

import java.nio.file.Path;
import java.util.Map;

import org.leadrouter.config.ConfigSource;
import picocli.CommandLine.Option;

/** The {@code --config <file>} option of the commands that read the configuration (a picocli mixin). */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "<file>",
            description = "Properties file (default: $LEADROUTER_CONFIG, then ./conf/leadrouter.properties,"
                    + " then /etc/leadrouter/leadrouter.properties).")
    private Path config;

    /** The file the configuration is read from: the option, else {@link ConfigFile#locate}'s search; null for none. */
    Path file(Map<String, String> environment) {
        return ConfigFile.locate(config, environment);
    }

    /** The configuration file overlaid by the environment. */
    ConfigSource load(Map<String, String> environment) {
        return ConfigFile.load(config, environment);
    }
}
