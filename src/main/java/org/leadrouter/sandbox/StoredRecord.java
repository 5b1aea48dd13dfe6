package org.leadrouter.sandbox;

import java.util.Map;

/**
 * One row of the sandbox's database.
 *
 * @param crmid     the numeric part of the webservice id (user id for Users)
 * @param fields    every schema field as the API returns it (order comes from the schema)
 * @param converted a converted lead: kept in the table but hidden from queries
 */
record StoredRecord(long crmid, Map<String, String> fields, boolean converted) {

    StoredRecord {
        fields = Map.copyOf(fields);
    }

    String get(String field) {
        return fields.getOrDefault(field, "");
    }
}
