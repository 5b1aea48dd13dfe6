package org.leadrouter.allocation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
}
