package org.leadrouter.allocation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.leadrouter.i18n.Messages;

/** A named group of advisors, by VTiger user name (lower case). The default pool is everyone available. */
public record Pool(String name, List<String> members) {
    public static final String DEFAULT = "default";

    public Pool {
        Objects.requireNonNull(name, "name == null");
        members = members.stream().map(m -> m.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    public boolean isDefault() {
        return DEFAULT.equals(name);
    }

    /** A pool's name as the team reads it: the default pool is "todos" in Spanish; others as configured. */
    public static String displayName(String name) {
        return DEFAULT.equals(name) ? Messages.t("pool.default-name") : name;
    }
}
