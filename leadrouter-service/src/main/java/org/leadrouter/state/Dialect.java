package org.leadrouter.state;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few statements whose SQL differs between the embedded H2 state and a PostgreSQL one: replacing a row by its key
 * (H2's {@code MERGE … KEY}, PostgreSQL's {@code INSERT … ON CONFLICT}) and joining a list of values given as one array
 * parameter. Everything else the state runs is plain SQL both understand.
 */
public enum Dialect {
    H2, POSTGRESQL;

    /** Inserts a row of {@code columns} (one {@code ?} each, in order), replacing the row with the same {@code keys}. */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String names = String.join(", ", columns);
        String values = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES (" + values + ")";
        }
        String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" + String.join(", ", keys)
                + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    /**
     * A table {@code alias(v)} of the strings of one array parameter, to join on: each value is then one index lookup
     * (H2 evaluates {@code IN (…)} or {@code = ANY(?)} against every row).
     */
    public String valuesTable(String alias) {
        return this == H2 ? "TABLE(v VARCHAR(255) = ?) " + alias : "unnest(CAST(? AS VARCHAR[])) AS " + alias + "(v)";
    }
}
