package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDateTime;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.leadrouter.sandbox.ParsedVtql.Condition;

/**
 * Runs a parsed VTQL statement over a module's visible rows, checking fields in the order VTiger's
 * buildSelectStmt does and failing like MySQL would where VTiger passes bad SQL through.
 */
final class VtqlExecutor {

    /** VTiger appends {@code LIMIT 100} and caps any larger row count to 100. */
    static final int MAX_ROWS = 100;

    private final ModuleSchema schema;
    private final RecordStore store;
    private final boolean leftToRight;

    /** @param leftToRight evaluate AND/OR strictly left to right instead of with MySQL precedence */
    VtqlExecutor(ModuleSchema schema, RecordStore store, boolean leftToRight) {
        this.schema = schema;
        this.store = store;
        this.leftToRight = leftToRight;
    }

    List<Map<String, String>> run(ParsedVtql query, List<StoredRecord> rows) {
        for (String column : query.columns()) {
            if (!schema.hasField(column)) {
                // The quotes and dots are VTiger's: the message is built with a mismatched quote.
                throw VtigerError.accessDenied("Permission to access '." + column + ".' attribute denied.");
            }
        }
        // VTiger vets every WHERE field before MySQL gets to see (and reject) any value.
        query.conditions().forEach(this::check);
        // An unknown ORDER BY column and a negative LIMIT make VTiger give up on the statement and answer no rows.
        if (!query.orderBy().stream().allMatch(schema::hasField) || negativeLimit(query)) {
            return List.of();
        }
        List<Predicate<StoredRecord>> tests = new ArrayList<>();
        for (Condition c : query.conditions()) {
            tests.add(compile(c));
        }
        List<StoredRecord> matching = rows.stream().filter(r -> matches(tests, query.connectors(), r)).toList();
        matching = VtqlSorter.sort(schema, query, matching);
        int[] window = limit(query);
        if (query.selection() == ParsedVtql.Selection.COUNT) {
            // COUNT(*) is one row, and the LIMIT still applies to it: LIMIT 1,10 leaves nothing.
            return window[0] == 0 && window[1] > 0 ? List.of(Map.of("count", String.valueOf(matching.size()))) : List.of();
        }
        int from = Math.min(window[0], matching.size());
        int to = Math.min(from + window[1], matching.size());
        // Only the rows MySQL returns are read back, so only their owners must resolve.
        return matching.subList(from, to).stream().map(r -> project(query, r)).toList();
    }

    private void check(Condition c) {
        schema.field(c.field()).orElseThrow(() ->
                VtigerError.accessDenied("Permission to access " + c.field() + " attribute denied."));
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
        List<Predicate<StoredRecord>> values = c.values().stream()
                .map(v -> isDate(field) ? dateMatcher(c.operator(), VtqlValue.of(v), field.name())
                        : matcher(c.operator(), VtqlValue.of(v), field.name()))
                .toList();
        return r -> {
            for (Predicate<StoredRecord> v : values) {
                if (v.test(r)) {
                    return true;
                }
            }
            return false;
        };
    }

    private Predicate<StoredRecord> compileId(FieldSpec field, Condition c) {
        List<Long> targets = new ArrayList<>();
        for (VtqlToken token : c.values()) {
            // A value without the "x" (such as '6') matches no record.
            VtqlValue.idNumber(token).ifPresent(targets::add);
        }
        return r -> {
            long actual = RecordStore.parseIdNumber(r.get(field.name())).orElse(0L);
            return targets.stream().anyMatch(t -> switch (c.operator()) {
                case "like" -> String.valueOf(actual).equals(String.valueOf(t));
                case "in", "=" -> actual == t;
                default -> numeric(c.operator(), Long.compare(actual, t));
            });
        };
    }

    /** Prepares one value once per query: LIKE pattern compiled, literal folded. */
    private static Predicate<StoredRecord> matcher(String operator, VtqlValue value, String field) {
        String op = "in".equals(operator) ? "=" : operator;
        if ("like".equals(op)) {
            Pattern pattern = Collation.likePattern(value.text());
            return r -> pattern.matcher(r.folded(field)).matches();
        }
        if (value.numeric()) {
            // MySQL compares a string column with a bare number numerically.
            double number = value.number();
            return r -> numeric(op, Double.compare(Collation.toNumber(r.get(field)), number));
        }
        String key = Collation.key(value.text());
        return r -> numeric(op, Collation.keyOfFolded(r.folded(field)).compareTo(key));
    }

    private static boolean isDate(FieldSpec field) {
        return "datetime".equals(field.type()) || "date".equals(field.type());
    }

    /**
     * MySQL compares a date column with a literal as dates: {@code '2026/11/29'} and {@code '2026-11-29T00:00:00'}
     * mean midnight of that day; a literal that is no date matches every row.
     */
    private static Predicate<StoredRecord> dateMatcher(String operator, VtqlValue value, String field) {
        if ("like".equals(operator)) {
            return matcher(operator, value, field);
        }
        String op = "in".equals(operator) ? "=" : operator;
        Optional<LocalDateTime> literal = SqlDates.parse(value.text());
        if (literal.isEmpty()) {
            return r -> true;
        }
        LocalDateTime wanted = literal.get();
        return r -> SqlDates.parse(r.get(field)).map(actual -> numeric(op, actual.compareTo(wanted))).orElse(false);
    }

    private static boolean negativeLimit(ParsedVtql query) {
        return query.limit().stream().anyMatch(t -> t.text().startsWith("-"));
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

    /** {@code [offset, rowCount]}; the row count is capped to 100, the offset is not. */
    private static int[] limit(ParsedVtql query) {
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
    private Map<String, String> project(ParsedVtql query, StoredRecord r) {
        Map<String, String> row = new LinkedHashMap<>();
        if (query.selection() == ParsedVtql.Selection.ALL) {
            schema.fields().forEach(f -> row.put(f.name(), store.apiValue(schema, r, f.name())));
        } else {
            query.columns().forEach(c -> row.put(c, store.apiValue(schema, r, c)));
            row.putIfAbsent("id", r.get("id"));
        }
        return row;
    }
}
