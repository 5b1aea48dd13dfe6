package org.leadrouter.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * update (replaces the whole record: fields left out become empty), revise (changes only the
 * given fields) and delete, with VTiger's checks and the same column squeezing as create.
 */
final class WriteOperations {

    /** Kept from the stored record whatever the element says. */
    private static final Set<String> KEPT = Set.of("id", "createdtime", "modifiedtime");

    private final SandboxContext ctx;

    WriteOperations(SandboxContext ctx) {
        this.ctx = ctx;
    }

    Map<String, String> update(String elementJson) {
        Map<String, String> element = CreateOperation.parse(elementJson);
        Target target = target(element.get("id"));
        for (FieldSpec field : target.schema().fields()) {
            if (field.mandatory() && element.getOrDefault(field.name(), "").isEmpty()) {
                throw VtigerError.mandatoryMissing(field.name());
            }
        }
        return save(target, element, Map.of());
    }

    Map<String, String> revise(String elementJson) {
        Map<String, String> element = CreateOperation.parse(elementJson);
        Target target = target(element.get("id"));
        for (FieldSpec field : target.schema().fields()) {
            if (field.mandatory() && element.containsKey(field.name()) && element.get(field.name()).isEmpty()) {
                throw VtigerError.mandatoryMissing(field.name());
            }
        }
        return save(target, element, target.record().fields());
    }

    Map<String, String> delete(String id) {
        Target target = target(id);
        ctx.store().delete(target.schema(), target.record().crmid());
        return Map.of("status", "successful");
    }

    private record Target(ModuleSchema schema, StoredRecord record) {
    }

    private Target target(String id) {
        if (id == null || !id.contains("x")) {
            throw VtigerError.invalidId();
        }
        int typeId;
        try {
            typeId = Integer.parseInt(id.substring(0, id.indexOf('x')));
        } catch (NumberFormatException e) {
            throw VtigerError.invalidId();
        }
        ModuleSchema schema = ctx.schemas().byTypeId(typeId)
                .orElseThrow(() -> VtigerError.accessDenied("Permission to perform the operation is denied for id"));
        if (!schema.creatable()) {
            throw VtigerError.operationDenied();
        }
        long crmid = RecordStore.parseIdNumber(id).orElseThrow(VtigerError::invalidId);
        StoredRecord record = ctx.store().find(schema, crmid).orElseThrow(VtigerError::recordNotFound);
        return new Target(schema, record);
    }

    private Map<String, String> save(Target target, Map<String, String> element, Map<String, String> base) {
        ModuleSchema schema = target.schema();
        Map<String, String> row = new LinkedHashMap<>(base);
        for (FieldSpec field : schema.fields()) {
            String value = element.get(field.name());
            if (value != null && field.editable() && !KEPT.contains(field.name())) {
                row.put(field.name(), CreateOperation.store(value, field.maxLength()));
            }
        }
        StoredRecord old = target.record();
        row.put("id", old.get("id"));
        row.put("createdtime", old.get("createdtime"));
        if (schema.numberField() != null) {
            row.put(schema.numberField(), old.get(schema.numberField()));
        }
        row.put("modifiedtime", ctx.nowText());
        StoredRecord saved = ctx.store().replace(schema, old.crmid(), row).orElseThrow(VtigerError::recordNotFound);
        return ctx.store().apiRecord(schema, saved);
    }
}
