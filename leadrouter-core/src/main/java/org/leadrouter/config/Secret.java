package org.leadrouter.config;

import java.util.Objects;

/** A secret value (the VTiger access key) that never prints itself. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value == null");
    }

    /** The clear value, for the one place that needs it (the login digest). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
