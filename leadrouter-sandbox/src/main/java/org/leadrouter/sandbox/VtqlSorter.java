package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.List;

/** ORDER BY for VTQL results, with MySQL's collation and numeric ids. */
final class VtqlSorter {

    private VtqlSorter() {
    }

    /**
     * Sorts by the ORDER BY columns; MySQL applies the single ASC/DESC only to the last one, earlier
     * ones ascend. Sort keys are computed once per row, not once per comparison. Stable, so ties
     * keep insertion order.
     */
    static List<StoredRecord> sort(ModuleSchema schema, ParsedVtql query, List<StoredRecord> rows) {
        List<FieldSpec> fields = new ArrayList<>();
        for (String column : query.orderBy()) {
            // the executor answers no rows for an unknown ORDER BY column before sorting
            fields.add(schema.field(column).orElseThrow(VtigerError::internal));
        }
        if (fields.isEmpty()) {
            return rows;
        }
        record Keyed(StoredRecord row, List<Comparable<?>> keys) {
        }
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (StoredRecord r : rows) {
            List<Comparable<?>> keys = new ArrayList<>(fields.size());
            for (FieldSpec f : fields) {
                keys.add(f.isIdLike() ? (Comparable<?>) RecordStore.parseIdNumber(r.get(f.name())).orElse(0L)
                        : Collation.keyOfFolded(r.folded(f.name())));
            }
            keyed.add(new Keyed(r, keys));
        }
        keyed.sort((a, b) -> {
            for (int i = 0; i < fields.size(); i++) {
                int cmp = compareKeys(a.keys().get(i), b.keys().get(i));
                if (cmp != 0) {
                    return i == fields.size() - 1 && query.descending() ? -cmp : cmp;
                }
            }
            return 0;
        });
        return keyed.stream().map(Keyed::row).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Comparable a, Comparable b) {
        return a.compareTo(b);
    }
}
