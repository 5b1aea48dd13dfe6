package org.leadrouter.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.KnownKeys;
import org.leadrouter.config.Settings;

/**
 * The configuration on Camel's property placeholders: the properties file is a location of Camel's properties
 * component and the {@code LEADROUTER_*} variables a source ahead of it. Leadrouter's settings are read through
 * them, and the camel-main {@link Main} of {@code daemon} and {@code run} gets the same sources, so the file's
 * {@code camel.*} keys ({@code camel.main.*}, {@code camel.component.*}) tune Camel and Camel checks them.
 */
public final class CamelConfiguration {
    private final Path file;
    private final Map<String, String> environment;
    private final PlaceholderConfigSource source;

    private CamelConfiguration(Path file, Map<String, String> environment, PlaceholderConfigSource source) {
        this.file = file;
        this.environment = environment;
        this.source = source;
    }

    /** Reads {@code file} (none when null) with the {@code environment}'s variables ahead of it. */
    public static CamelConfiguration load(Path file, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment == null");
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException(null, "configuration file " + file + " does not exist or is not a file");
        }
        if (file != null && !Files.isReadable(file)) {
            throw new ConfigException(null, "cannot read configuration file " + file + ": permission denied");
        }
        // a context of its own, never started, only to read the settings before the application's Main exists
        CamelContext reader = new DefaultCamelContext(false);
        PropertiesComponent properties = new PropertiesComponent();
        properties.setCamelContext(reader);
        configure(properties, environment);
        properties.setLocation(location(file));
        try {
            properties.start();
        } catch (RuntimeException e) {
            throw new ConfigException(null, "cannot read configuration file " + file + ": " + e.getMessage());
        }
        return new CamelConfiguration(file, Map.copyOf(environment),
                new PlaceholderConfigSource(properties, file, environment));
    }

    /** Files read as UTF-8 (as they always were), the variables ahead of them. */
    static void configure(PropertiesComponent properties, Map<String, String> environment) {
        properties.setEncoding(StandardCharsets.UTF_8.name());
        properties.addPropertiesSource(new LeadrouterVariables(environment));
    }

    /** The file as a location of Camel's properties component; null for none. */
    static String location(Path file) {
        return file == null ? null : "file:" + file.toAbsolutePath();
    }

    /** The raw values, for reports of where a value came from. */
    public ConfigSource source() {
        return source;
    }

    /** The file read, or null for none (the environment alone). */
    public Path file() {
        return file;
    }

    /**
     * The typed settings; throws {@link ConfigException} for a wrong value or for a key leadrouter does not know
     * (a typo is named before the missing key it causes: {@code vtiger.ulr} rather than "vtiger.url is not set").
     */
    public Settings settings() {
        Settings settings;
        try {
            settings = Settings.from(source);
        } catch (ConfigException e) {
            KnownKeys.refuseUnknown(source.fileKeysStartingWith(""), source.asked());
            throw e;
        }
        KnownKeys.refuseUnknown(source.fileKeysStartingWith(""), source.asked());
        return settings;
    }

    /** Warnings for {@code LEADROUTER_*} variables that set nothing (after {@link #settings()}). */
    public List<String> unknownVariables() {
        return KnownKeys.unknownVariables(environment.keySet(), source.asked());
    }

    /** A camel-main {@link Main} without a configuration file or variables: for tests and the embedded demo. */
    public static Main plainMain() {
        return new LeadrouterMain(null, Map.of());
    }

    /** A camel-main {@link Main} whose property placeholders are this configuration's. */
    public Main newMain() {
        return new LeadrouterMain(file, environment);
    }
}
