package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's tables. Leads and Contacts share one crmid sequence (VTiger's vtiger_crmentity);
 * Users and Groups number their own ids. Rows keep insertion order, which stands in for the
 * unspecified order MySQL returns without ORDER BY.
 */
final class RecordStore {

    private final ModuleSchemas schemas;
    private final Map<String, List<StoredRecord>> tables = new HashMap<>();
    private final Map<String, Integer> numberSequences = new HashMap<>();
    private long nextCrmid = 1;
    private long nextUserId = 1;

    RecordStore(ModuleSchemas schemas) {
        this.schemas = schemas;
        schemas.all().forEach(s -> tables.put(s.name(), new ArrayList<>()));
    }

    ModuleSchemas schemas() {
        return schemas;
    }

    /**
     * Stores a row. Missing {@code id} and record number are assigned; given ones advance the
     * sequences so later creates never collide with them.
     */
    synchronized StoredRecord insert(ModuleSchema schema, Map<String, String> values, boolean converted) {
        boolean entity = schema.numberField() != null;
        long id = parseIdNumber(values.get("id")).orElseGet(() -> entity ? nextCrmid : nextUserId);
        if (entity) {
            nextCrmid = Math.max(nextCrmid, id + 1);
        } else {
            nextUserId = Math.max(nextUserId, id + 1);
        }
        Map<String, String> row = schema.blankRecord();
        values.forEach((k, v) -> {
            if (row.containsKey(k) && v != null) {
                row.put(k, v);
            }
        });
        row.put("id", schema.typeId() + "x" + id);
        if (entity) {
            int next = numberSequences.getOrDefault(schema.name(), 1);
            String given = row.get(schema.numberField());
            if (given.isEmpty()) {
                row.put(schema.numberField(), schema.numberPrefix() + next);
                numberSequences.put(schema.name(), next + 1);
            } else {
                parseTrailingNumber(given).ifPresent(n -> numberSequences.put(schema.name(), Math.max(next, n + 1)));
            }
        }
        StoredRecord stored = new StoredRecord(id, row, converted);
        tables.get(schema.name()).add(stored);
        return stored;
    }

    /** Replaces a row's values in place (same position, same converted flag); empty if it is gone. */
    synchronized Optional<StoredRecord> replace(ModuleSchema schema, long crmid, Map<String, String> values) {
        List<StoredRecord> table = tables.get(schema.name());
        for (int i = 0; i < table.size(); i++) {
            StoredRecord old = table.get(i);
            if (old.crmid() == crmid) {
                Map<String, String> row = schema.blankRecord();
                values.forEach((k, v) -> {
                    if (row.containsKey(k) && v != null) {
                        row.put(k, v);
                    }
                });
                StoredRecord updated = new StoredRecord(crmid, row, old.converted());
                table.set(i, updated);
                return Optional.of(updated);
            }
        }
        return Optional.empty();
    }

    /** Flags a lead as converted (hidden from queries from now on); false if it is gone. */
    synchronized boolean markConverted(ModuleSchema schema, long crmid) {
        List<StoredRecord> table = tables.get(schema.name());
        for (int i = 0; i < table.size(); i++) {
            StoredRecord old = table.get(i);
            if (old.crmid() == crmid) {
                table.set(i, new StoredRecord(crmid, old.fields(), true));
                return true;
            }
        }
        return false;
    }

    synchronized boolean delete(ModuleSchema schema, long crmid) {
        return tables.get(schema.name()).removeIf(r -> r.crmid() == crmid);
    }

    /** All rows, converted leads and inactive users included. */
    synchronized List<StoredRecord> all(ModuleSchema schema) {
        return List.copyOf(tables.get(schema.name()));
    }

    /** Rows the webservice can see: VTiger's queries skip converted leads and inactive users. */
    synchronized List<StoredRecord> visible(ModuleSchema schema) {
        return tables.get(schema.name()).stream()
                .filter(r -> !r.converted())
                .filter(r -> !ModuleSchemas.USERS.equals(schema.name()) || "Active".equalsIgnoreCase(r.get("status")))
                .toList();
    }

    synchronized Optional<StoredRecord> find(ModuleSchema schema, long crmid) {
        return tables.get(schema.name()).stream().filter(r -> r.crmid() == crmid).findFirst();
    }

    /** User names compare case-insensitively, like the MySQL lookup behind VTiger's login. */
    synchronized Optional<StoredRecord> userByName(String userName) {
        if (userName == null) {
            return Optional.empty();
        }
        String wanted = userName.toLowerCase(Locale.ROOT);
        return tables.get(ModuleSchemas.USERS).stream()
                .filter(r -> r.get("user_name").toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * A field as the webservice returns it. Owners are stored as a bare number (smownerid) and
     * typed on the way out like vtws_getOwnerType does: a group with that id, otherwise a user (of any
     * status, or none at all: an admin's create stores any number).
     */
    synchronized String apiValue(ModuleSchema schema, StoredRecord record, String field) {
        String value = record.get(field);
        boolean owner = schema.field(field).map(f -> "owner".equals(f.type())).orElse(false);
        if (!owner || value.isEmpty()) {
            return value;
        }
        long id = parseIdNumber(value).orElseThrow(VtigerError::invalidOwner);
        if (find(schemas.get(ModuleSchemas.GROUPS), id).isPresent()) {
            return schemas.get(ModuleSchemas.GROUPS).typeId() + "x" + id;
        }
        return schemas.get(ModuleSchemas.USERS).typeId() + "x" + id;
    }

    /** Whether the user with this id is an admin. */
    synchronized boolean isAdmin(long userId) {
        return find(schemas.get(ModuleSchemas.USERS), userId).map(u -> "on".equalsIgnoreCase(u.get("is_admin")))
                .orElse(false);
    }

    /** Every schema field of a record as the webservice returns it. */
    synchronized Map<String, String> apiRecord(ModuleSchema schema, StoredRecord record) {
        Map<String, String> out = new LinkedHashMap<>();
        schema.fields().forEach(f -> out.put(f.name(), apiValue(schema, record, f.name())));
        return out;
    }

    /** Snapshot of a module's rows as the API shows them, plus {@code converted} for leads. */
    synchronized List<Map<String, String>> snapshot(ModuleSchema schema) {
        List<Map<String, String>> out = new ArrayList<>();
        for (StoredRecord r : tables.get(schema.name())) {
            Map<String, String> copy = new LinkedHashMap<>();
            for (FieldSpec f : schema.fields()) {
                String value;
                try {
                    value = apiValue(schema, r, f.name());
                } catch (VtigerError unknownOwner) {
                    value = r.get(f.name()); // the API could not show it at all; tests still can
                }
                copy.put(f.name(), value);
            }
            if (ModuleSchemas.LEADS.equals(schema.name())) {
                copy.put("converted", r.converted() ? "1" : "0");
            }
            out.add(copy);
        }
        return out;
    }

    /** The number after the {@code x} of a webservice id such as {@code 10x123}. */
    static Optional<Long> parseIdNumber(String wsId) {
        if (wsId == null) {
            return Optional.empty();
        }
        int x = wsId.indexOf('x');
        try {
            return Optional.of(Long.parseLong(x >= 0 ? wsId.substring(x + 1).trim() : wsId.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseTrailingNumber(String value) {
        var m = java.util.regex.Pattern.compile("(\\d+)$").matcher(value);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
