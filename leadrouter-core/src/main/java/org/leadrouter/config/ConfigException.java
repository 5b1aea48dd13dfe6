package org.leadrouter.config;

/** A missing or wrong setting: names the key, so the user knows what to fix. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(key == null ? message : "configuration key '" + key + "': " + message);
        this.key = key;
    }

    /** The offending key, or null when the problem is not about one key (e.g. an unreadable file). */
    public String key() {
        return key;
    }
}
