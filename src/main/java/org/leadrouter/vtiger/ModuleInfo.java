package org.leadrouter.vtiger;

/** What {@code describe} says of a module that matters here: its name and the id prefix of its records. */
public record ModuleInfo(String name, String idPrefix) {
}
