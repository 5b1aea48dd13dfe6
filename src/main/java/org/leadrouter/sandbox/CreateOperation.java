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

    Map<String, String> run(String elementType, String elementJson) {
        ModuleSchema schema = ctx.schemas().byName(elementType)
                .filter(ModuleSchema::creatable)
                .orElseThrow(VtigerError::operationDenied);
        Map<String, String> element = parse(elementJson);
        for (FieldSpec field : schema.fields()) {
            if (field.mandatory() && element.getOrDefault(field.name(), "").isEmpty()) {
                throw VtigerError.mandatoryMissing(field.name());
            }
        }
        for (SandboxKnobs.CreateRejection rule : ctx.knobs().rejections()) {
            if (rule.when().test(Map.copyOf(element))) {
                throw new VtigerError(rule.code(), rule.message());
            }
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (FieldSpec field : schema.fields()) {
            String value = element.get(field.name());
            if (value != null && field.editable() && !SYSTEM_FIELDS.contains(field.name())) {
                row.put(field.name(), store(value, field.maxLength()));
            }
        }
        String now = ctx.nowText();
        row.put("createdtime", now);
        row.put("modifiedtime", now);
        StoredRecord stored = ctx.store().insert(schema, row, false);
        return ctx.store().apiRecord(schema, stored);
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

    /** Scalars become their text, null becomes empty; a broken element is an internal error in VTiger. */
    static Map<String, String> parse(String json) {
        JsonNode node;
        try {
            node = json == null ? null : PhpJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw VtigerError.internal();
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
