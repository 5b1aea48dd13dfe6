package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only operations besides query: describe, listtypes and retrieve. */
final class MetaOperations {

    private final SandboxContext ctx;

    MetaOperations(SandboxContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> describe(String elementType) {
        ModuleSchema schema = ctx.schemas().byName(elementType)
                .orElseThrow(() -> VtigerError.unknownModule(elementType));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("label", f.label());
            field.put("mandatory", f.mandatory());
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", f.type());
            if ("owner".equals(f.type()) || "reference".equals(f.type())) {
                type.put("refersTo", List.of(ModuleSchemas.USERS, ModuleSchemas.GROUPS));
            }
            if ("picklist".equals(f.type())) {
                type.put("picklistValues", List.of());
                type.put("defaultValue", "");
            }
            field.put("type", type);
            field.put("isunique", false);
            field.put("nullable", !f.mandatory());
            field.put("editable", f.editable());
            field.put("default", "");
            fields.add(field);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", schema.name());
        out.put("name", schema.name());
        out.put("createable", schema.creatable());
        out.put("updateable", schema.creatable());
        out.put("deleteable", schema.creatable());
        out.put("retrieveable", true);
        out.put("fields", fields);
        out.put("idPrefix", String.valueOf(schema.typeId()));
        out.put("isEntity", schema.numberField() != null);
        out.put("allowDuplicates", false);
        out.put("labelFields", schema.labelFields());
        return out;
    }

    Map<String, Object> listTypes() {
        Map<String, Object> information = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        for (ModuleSchema s : ctx.schemas().all()) {
            types.add(s.name());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("isEntity", s.numberField() != null);
            info.put("label", s.name());
            info.put("singular", s.name().substring(0, s.name().length() - 1));
            information.put(s.name(), info);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("types", types);
        out.put("information", information);
        return out;
    }

    Map<String, String> retrieve(String id) {
        if (id == null || !id.contains("x")) {
            throw VtigerError.invalidId();
        }
        int typeId;
        try {
            typeId = Integer.parseInt(id.substring(0, id.indexOf('x')));
        } catch (NumberFormatException e) {
            throw VtigerError.invalidId();
        }
        ModuleSchema schema = ctx.schemas().byTypeId(typeId).orElseThrow(() ->
                VtigerError.accessDenied("Permission to perform the operation is denied for id"));
        long crmid = RecordStore.parseIdNumber(id).orElseThrow(VtigerError::invalidId);
        // A deleted (or never created) record has no entity name, so it is not among the types the user may read.
        StoredRecord record = ctx.store().find(schema, crmid).orElseThrow(VtigerError::operationDenied);
        return ctx.store().apiRecord(schema, record);
    }
}
