package org.leadrouter.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * One row of the sandbox's database.
 *
 * @param crmid     the numeric part of the webservice id (user id for Users)
 * @param fields    every schema field as the API returns it (order comes from the schema)
 * @param converted a converted lead: kept in the table but hidden from queries
 * @param folded    the same values folded by {@link Collation#fold}
 */
record StoredRecord(long crmid, Map<String, String> fields, boolean converted, Map<String, String> folded) {

    StoredRecord(long crmid, Map<String, String> fields, boolean converted) {
        this(crmid, Map.copyOf(fields), converted, foldAll(fields));
    }

    String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** The value as the collation sees it, computed once at insert since rows never change. */
    String folded(String field) {
        return folded.getOrDefault(field, "");
    }

    private static Map<String, String> foldAll(Map<String, String> fields) {
        Map<String, String> out = new HashMap<>();
        fields.forEach((k, v) -> out.put(k, Collation.fold(v)));
        return Map.copyOf(out);
    }
}
