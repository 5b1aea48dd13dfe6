package org.leadrouter.config;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;
import org.leadrouter.i18n.Text;

/** A missing or wrong setting: names the key, so the user knows what to fix. */
public final class ConfigException extends RuntimeException implements Classified {
    private final String key;

    public ConfigException(String key, String message) {
        super(key == null ? message : "configuration key '" + key + "': " + message);
        this.key = key;
    }

    /** The offending key, or null when the problem is not about one key (e.g. an unreadable file). */
    public String key() {
        return key;
    }

    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.CONFIGURATION, new Text("text.as-is", getMessage()));
    }
}
