package org.leadrouter.app;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.Ordered;
import org.apache.camel.spi.PropertiesSource;
import org.leadrouter.config.ConfigSource;

/**
 * The {@code LEADROUTER_*} environment variables as a source of Camel's property placeholders: the value of
 * {@code vtiger.access-key} is {@code LEADROUTER_VTIGER_ACCESS_KEY}'s when it is set and not blank, ahead of the file.
 */
final class LeadrouterVariables implements PropertiesSource, Ordered {
    private final Map<String, String> environment;

    LeadrouterVariables(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
    }

    @Override
    public String getName() {
        return "LEADROUTER_* environment variables";
    }

    @Override
    public String getProperty(String key) {
        String value = environment.get(ConfigSource.environmentName(key));
        return value == null || value.isBlank() ? null : value;
    }

    /** Ahead of the file's location: a variable overrides the file, as it always has. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST + 1000;
    }
}
