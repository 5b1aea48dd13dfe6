package org.leadrouter.sandbox;

import java.util.List;

/**
 * A parsed VTQL statement, still holding raw value tokens: VTiger pastes them into SQL unchanged,
 * so their meaning (and their errors) only appear when the statement runs.
 *
 * @param columns    selected fields in order; empty for {@code *} and {@code count(*)}
 * @param connectors {@code and}/{@code or} between consecutive conditions, lower case
 * @param descending the single ASC/DESC of the ORDER BY clause, which MySQL applies to its last column
 */
record ParsedVtql(Selection selection, List<String> columns, String module, List<Condition> conditions,
                 List<String> connectors, List<String> orderBy, boolean descending, List<VtqlToken> limit) {

    enum Selection { COLUMNS, ALL, COUNT }

    /** One {@code field op value(s)} test of the WHERE clause; operator is lower case. */
    record Condition(String field, String operator, List<VtqlToken> values, boolean parenthesized) {
    }
}
