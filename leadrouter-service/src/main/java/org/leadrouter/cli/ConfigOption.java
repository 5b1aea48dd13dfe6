package org.leadrouter.cli;

import java.nio.file.Path;
import java.util.Map;

import org.leadrouter.app.CamelConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code --config <file>} option of the commands that read the configuration (a picocli mixin). */
final class ConfigOption {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigOption.class);

    @Option(names = "--config", paramLabel = "<file>",
            description = "Properties file (default: $LEADROUTER_CONFIG, then ./conf/leadrouter.properties,"
                    + " then /etc/leadrouter/leadrouter.properties).")
    private Path config;

    /** The file the configuration is read from: the option, else {@link ConfigFile#locate}'s search; null for none. */
    Path file(Map<String, String> environment) {
        return ConfigFile.locate(config, environment);
    }

    /** One WARN line for each {@code LEADROUTER_*} variable that sets nothing (a typo, most likely). */
    static void warnAboutVariables(CamelConfiguration configuration) {
        configuration.unknownVariables().forEach(LOG::warn);
    }

    /** The configuration file, with the environment's {@code LEADROUTER_*} variables ahead of it. */
    CamelConfiguration load(Map<String, String> environment) {
        return CamelConfiguration.load(file(environment), environment);
    }
}
