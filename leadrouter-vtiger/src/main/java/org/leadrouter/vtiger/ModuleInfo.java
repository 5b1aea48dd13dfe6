package org.leadrouter.vtiger;

import java.util.Set;

/** What {@code describe} says of a module that matters here: its name, the id prefix of its records, its fields. */
public record ModuleInfo(String name, String idPrefix, Set<String> fields) {

    public ModuleInfo {
        fields = Set.copyOf(fields);
    }
}
