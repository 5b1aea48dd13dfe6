package org.leadrouter.vtiger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An immutable VTQL {@code SELECT}, built from parts so that no value is ever glued into the text unescaped.
 * VTQL has no parentheses and VTiger hands the conditions to MySQL as they stand (AND binds tighter than OR),
 * so queries here never mix AND with OR.
 */
public final class VtqlQuery {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> columns;
    private final String module;
    private final List<String> where;
    private final String orderBy;

    private VtqlQuery(List<String> columns, String module, List<String> where, String orderBy) {
        this.columns = columns;
        this.module = module;
        this.where = where;
        this.orderBy = orderBy;
    }

    /** {@code SELECT columns}: field names, or {@code count(*)}. */
    public static Builder select(String... columns) {
        List<String> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(c.equals("count(*)") ? c : identifier(c));
        }
        return new Builder(List.copyOf(cols));
    }

    /** This query with {@code LIMIT offset,size}: one page. */
    public String page(int offset, int size) {
        return text() + " LIMIT " + offset + "," + size + ";";
    }

    /** This query without a limit (VTiger still caps the answer at 100 rows). */
    public String text() {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(",", columns)).append(" FROM ").append(module);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" ", where));
        }
        if (orderBy != null) {
            sql.append(" ORDER BY ").append(orderBy);
        }
        return sql.toString();
    }

    @Override
    public String toString() {
        return text() + ";";
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a VTQL field or module name: " + name);
        }
        return name;
    }

    /** Builds one query. */
    public static final class Builder {
        private final List<String> columns;
        private String module;
        private final List<String> where = new ArrayList<>();
        private String orderBy;

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        public Builder from(String module) {
            this.module = identifier(module);
            return this;
        }

        /** {@code field op 'value'}; op is one of {@code = != < > <= >= LIKE}. */
        public Builder where(String field, String op, String value) {
            return join("AND", field, op, value);
        }

        public Builder and(String field, String op, String value) {
            return join("AND", field, op, value);
        }

        public Builder or(String field, String op, String value) {
            return join("OR", field, op, value);
        }

        /** {@code field IN ('a','b',...)}, joined with AND (or OR when {@code or}). */
        public Builder in(String field, Collection<String> values, boolean or) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
            String list = values.stream().map(VtqlLiteral::quote).collect(Collectors.joining(","));
            return append(or ? "OR" : "AND", identifier(field) + " IN (" + list + ")");
        }

        public Builder orderBy(String field) {
            this.orderBy = identifier(field);
            return this;
        }

        public VtqlQuery build() {
            Objects.requireNonNull(module, "module == null");
            return new VtqlQuery(columns, module, List.copyOf(where), orderBy);
        }

        private Builder join(String joiner, String field, String op, String value) {
            if (!List.of("=", "!=", "<", ">", "<=", ">=", "LIKE").contains(op)) {
                throw new IllegalArgumentException("not a VTQL operator: " + op);
            }
            return append(joiner, identifier(field) + " " + op + " " + VtqlLiteral.quote(value));
        }

        private Builder append(String joiner, String condition) {
            where.add(where.isEmpty() ? condition : joiner + " " + condition);
            return this;
        }
    }
}
