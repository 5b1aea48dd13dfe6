package org.leadrouter.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.main.Main;
import org.leadrouter.config.ConfigException;

/**
 * Camel Main on leadrouter's configuration: its properties component reads the configuration file and the
 * {@code LEADROUTER_*} variables, and a {@code camel.*} key Camel cannot apply stops it as a configuration error
 * naming the key (exit code 2), as leadrouter's own keys do.
 */
final class LeadrouterMain extends Main {
    private static final Pattern CAMEL_KEY = Pattern.compile("(camel\\.[A-Za-z0-9_.\\-\\[\\]]+)");

    private final Map<String, String> environment;

    LeadrouterMain(Path file, Map<String, String> environment) {
        this.environment = environment;
        configure().setName("leadrouter");
        if (file != null) {
            setPropertyPlaceholderLocations(CamelConfiguration.location(file));
        }
    }

    @Override
    protected CamelContext createCamelContext() {
        CamelContext camel = super.createCamelContext();
        CamelConfiguration.configure((PropertiesComponent) camel.getPropertiesComponent(), environment);
        return camel;
    }

    @Override
    protected void doInit() throws Exception {
        try {
            super.doInit();
        } catch (PropertyBindingException e) {
            String key = e.getOptionPrefix() == null ? e.getPropertyName() : e.getOptionPrefix() + e.getOptionKey();
            throw new ConfigException(key, "Camel has no such option (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            Optional<String> key = camelKey(e.getMessage());
            if (key.isEmpty()) {
                throw e;
            }
            throw new ConfigException(key.get(), "Camel cannot apply it (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> camelKey(String message) {
        Matcher m = CAMEL_KEY.matcher(message == null ? "" : message);
        return m.find() ? Optional.of(m.group(1).replaceAll("[.]$", "")) : Optional.empty();
    }
}
