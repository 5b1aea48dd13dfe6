package org.leadrouter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code create} operation as an admin sees it: mandatory fields checked, owner not checked,
 * values squeezed into MySQL utf8 (3-byte) columns without complaint.
 */
final class CreateOperation {

    /** Fields the server sets itself; whatever the client sends for them is ignored. */
    private static final Set<String> SYSTEM_FIELDS = Set.of("id", "createdtime", "modifiedtime");

    private final SandboxContext ctx;

    CreateOperation(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** @param caller the session's user: owner of a record whose owner id has no type prefix */
    Map<String, Object> run(String elementType, String elementJson, long caller) {
        ModuleSchema schema = ctx.schemas().byName(elementType)
                .orElseThrow(() -> VtigerError.unknownModule(elementType));
        if (!schema.creatable()) {
            throw VtigerError.operationDenied();
        }
        Map<String, String> element = parse(elementJson);
        for (FieldSpec field : schema.fields()) {
            if (field.mandatory() && element.getOrDefault(field.name(), "").isEmpty()) {
                throw VtigerError.mandatoryMissing(field.name());
            }
        }
        ctx.faults().refuseCreate(Map.copyOf(element)).ifPresent(refusal -> {
            throw new VtigerError(refusal.code(), refusal.message());
        });
        Map<String, String> row = new LinkedHashMap<>();
        for (FieldSpec field : schema.fields()) {
            String value = element.get(field.name());
            if (value != null && field.editable() && !SYSTEM_FIELDS.contains(field.name())) {
                row.put(field.name(), store(value, field.maxLength()));
            }
        }
        String owner = row.getOrDefault("assigned_user_id", "");
        // "5" (no type prefix) becomes the API user; "19x999" is stored as "999" whether or not such a user exists.
        row.put("assigned_user_id", owner.contains("x")
                ? String.valueOf(RecordStore.parseIdNumber(owner).orElseThrow(VtigerError::invalidOwner))
                : String.valueOf(caller));
        String now = ctx.nowText();
        row.put("createdtime", now);
        row.put("modifiedtime", now);
        String users = ctx.schemas().get(ModuleSchemas.USERS).typeId() + "x";
        if (schema.hasField("modifiedby")) {
            row.put("modifiedby", users + caller);
        }
        if (schema.hasField("source")) {
            row.put("source", "WEBSERVICE");
        }
        for (String flag : new String[] {"emailoptout", "starred"}) {
            if (schema.hasField(flag) && row.getOrDefault(flag, "").isEmpty()) {
                row.put(flag, "0");
            }
        }
        StoredRecord stored = ctx.store().insert(schema, row, false);
        // The answer is the whole record as stored, and its label.
        Map<String, Object> answer = new LinkedHashMap<>(ctx.store().apiRecord(schema, stored));
        answer.put("label", label(schema, stored));
        return answer;
    }

    private static String label(ModuleSchema schema, StoredRecord stored) {
        StringBuilder label = new StringBuilder();
        for (String field : schema.labelFields().split(",")) {
            String value = stored.get(field);
            if (!value.isEmpty()) {
                label.append(label.length() == 0 ? "" : " ").append(value);
            }
        }
        return label.toString();
    }

    /**
     * What a utf8 (not utf8mb4) column in non-strict mode keeps: characters beyond the Basic
     * Multilingual Plane become {@code ????}, then the text is cut to the column length.
     */
    static String store(String value, int maxLength) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isSupplementaryCodePoint(cp)) {
                out.append("????");
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }

    /** Scalars become their text, null becomes empty; an element that is not JSON has no mandatory field. */
    static Map<String, String> parse(String json) {
        JsonNode node;
        try {
            node = json == null ? null : PhpJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new VtigerError("MANDATORY_FIELDS_MISSING", "Mandatory field does not have a value");
        }
        Map<String, String> element = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> element.put(e.getKey(),
                e.getValue().isNull() ? "" : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return element;
    }
}
