package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.leadrouter.sandbox.VtqlQuery.Condition;

/**
 * Runs a parsed VTQL statement over a module's visible rows, checking fields in the order VTiger's
 * buildSelectStmt does and failing like MySQL would where VTiger passes bad SQL through.
 */
final class VtqlExecutor {

    /** VTiger appends {@code LIMIT 100} and caps any larger row count to 100. */
    static final int MAX_ROWS = 100;

    private final ModuleSchema schema;
    private final boolean leftToRight;

    /** @param leftToRight evaluate AND/OR strictly left to right instead of with MySQL precedence */
    VtqlExecutor(ModuleSchema schema, boolean leftToRight) {
        this.schema = schema;
        this.leftToRight = leftToRight;
    }

    List<Map<String, String>> run(VtqlQuery query, List<StoredRecord> rows) {
        for (String column : query.columns()) {
            if (!schema.hasField(column)) {
                // The quotes and dots are VTiger's: the message is built with a mismatched quote.
                throw VtigerError.accessDenied("Permission to access '." + column + ".' attribute denied.");
            }
        }
        // VTiger vets every WHERE field before MySQL gets to see (and reject) any value.
        query.conditions().forEach(this::check);
        List<Predicate<StoredRecord>> tests = new ArrayList<>();
        for (Condition c : query.conditions()) {
            tests.add(compile(c));
        }
        Comparator<StoredRecord> order = ordering(query);
        int[] window = limit(query);

        List<StoredRecord> matching = rows.stream().filter(r -> matches(tests, query.connectors(), r)).toList();
        if (order != null) {
            matching = matching.stream().sorted(order).toList();
        }
        List<Map<String, String>> projected = query.selection() == VtqlQuery.Selection.COUNT
                ? List.of(Map.of("count", String.valueOf(matching.size())))
                : matching.stream().map(r -> project(query, r)).toList();
        int from = Math.min(window[0], projected.size());
        int to = Math.min(from + window[1], projected.size());
        return projected.subList(from, to);
    }

    private void check(Condition c) {
        FieldSpec field = schema.field(c.field()).orElseThrow(() ->
                VtigerError.accessDenied("Permission to access " + c.field() + " attribute denied."));
        // Owner fields are not checked by VTiger; other id fields need an "NxM" value.
        if (field.isIdLike() && !"owner".equals(field.type())
                && c.values().stream().anyMatch(t -> !t.text().contains("x"))) {
            throw VtigerError.invalidId();
        }
    }

    private Predicate<StoredRecord> compile(Condition c) {
        FieldSpec field = schema.field(c.field()).orElseThrow();
        boolean multi = c.values().size() > 1;
        if (multi && !"in".equals(c.operator())) {
            throw VtigerError.internal(); // "= ('a','b')": MySQL wants one operand
        }
        if (field.isIdLike()) {
            return compileId(field, c);
        }
        List<VtqlValue> values = c.values().stream().map(VtqlValue::of).toList();
        return r -> values.stream().anyMatch(v -> test(c.operator(), r.get(field.name()), v));
    }

    private Predicate<StoredRecord> compileId(FieldSpec field, Condition c) {
        List<Long> targets = new ArrayList<>();
        for (VtqlToken token : c.values()) {
            // An owner value without "x" leaves an empty operand in the SQL.
            targets.add(VtqlValue.idNumber(token).orElseThrow(VtigerError::internal));
        }
        return r -> {
            long actual = RecordStore.parseIdNumber(r.get(field.name())).orElse(0L);
            return targets.stream().anyMatch(t -> switch (c.operator()) {
                case "like" -> Collation.like(String.valueOf(actual), String.valueOf(t));
                case "in", "=" -> actual == t;
                default -> numeric(c.operator(), Long.compare(actual, t));
            });
        };
    }

    private static boolean test(String operator, String actual, VtqlValue value) {
        if ("like".equals(operator)) {
            return Collation.like(actual, value.text());
        }
        int cmp = value.numeric()
                ? Double.compare(Collation.toNumber(actual), value.number())
                : Collation.compare(actual, value.text());
        return "in".equals(operator) ? cmp == 0 : numeric(operator, cmp);
    }

    private static boolean numeric(String operator, int cmp) {
        return switch (operator) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case ">=" -> cmp >= 0;
            default -> throw VtigerError.internal();
        };
    }

    /**
     * VTiger writes the conditions into SQL one after another without grouping, so MySQL gives
     * AND precedence over OR; {@code leftToRight} instead folds them strictly in order.
     */
    private boolean matches(List<Predicate<StoredRecord>> tests, List<String> connectors, StoredRecord r) {
        if (tests.isEmpty()) {
            return true;
        }
        if (leftToRight) {
            boolean result = tests.get(0).test(r);
            for (int i = 0; i < connectors.size(); i++) {
                boolean next = tests.get(i + 1).test(r);
                result = "and".equals(connectors.get(i)) ? result && next : result || next;
            }
            return result;
        }
        boolean any = false;
        boolean group = tests.get(0).test(r);
        for (int i = 0; i < connectors.size(); i++) {
            boolean next = tests.get(i + 1).test(r);
            if ("and".equals(connectors.get(i))) {
                group = group && next;
            } else {
                any = any || group;
                group = next;
            }
        }
        return any || group;
    }

    /** MySQL applies the single ASC/DESC only to the last ORDER BY column; earlier ones ascend. */
    private Comparator<StoredRecord> ordering(VtqlQuery query) {
        Comparator<StoredRecord> order = null;
        List<String> columns = query.orderBy();
        for (int i = 0; i < columns.size(); i++) {
            // VTiger does not check ORDER BY columns: an unknown one breaks the SQL.
            FieldSpec field = schema.field(columns.get(i)).orElseThrow(VtigerError::internal);
            Comparator<StoredRecord> one = field.isIdLike()
                    ? Comparator.comparingLong(r -> RecordStore.parseIdNumber(r.get(field.name())).orElse(0L))
                    : (a, b) -> Collation.compare(a.get(field.name()), b.get(field.name()));
            if (i == columns.size() - 1 && query.descending()) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    /** {@code [offset, rowCount]}; the row count is capped to 100, the offset is not. */
    private static int[] limit(VtqlQuery query) {
        List<VtqlToken> limit = query.limit();
        if (limit.isEmpty()) {
            return new int[] {0, MAX_ROWS};
        }
        long[] numbers = limit.stream().mapToLong(VtqlExecutor::unsigned).toArray();
        long offset = numbers.length == 2 ? numbers[0] : 0;
        long count = Math.min(numbers[numbers.length - 1], MAX_ROWS);
        return new int[] {(int) Math.min(offset, Integer.MAX_VALUE), (int) count};
    }

    private static long unsigned(VtqlToken token) {
        if (!token.text().chars().allMatch(Character::isDigit)) {
            throw VtigerError.internal(); // MySQL only takes plain integers after LIMIT
        }
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException e) {
            throw VtigerError.internal();
        }
    }

    /** VTiger silently adds {@code id} to an explicit column list. */
    private Map<String, String> project(VtqlQuery query, StoredRecord r) {
        Map<String, String> row = new LinkedHashMap<>();
        if (query.selection() == VtqlQuery.Selection.ALL) {
            schema.fields().forEach(f -> row.put(f.name(), r.get(f.name())));
        } else {
            query.columns().forEach(c -> row.put(c, r.get(c)));
            row.putIfAbsent("id", r.get("id"));
        }
        return row;
    }
}
