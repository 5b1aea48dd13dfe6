package org.leadrouter.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webservice shape of one VTiger module: type id, ordered fields and record numbering. */
record ModuleSchema(String name, int typeId, List<FieldSpec> fields, String numberField, String numberPrefix,
                    String labelFields, boolean creatable) {

    Optional<FieldSpec> field(String fieldName) {
        // PHP array keys are case-sensitive, so VTQL field names are too.
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    boolean hasField(String fieldName) {
        return field(fieldName).isPresent();
    }

    /** An empty record with every field present, the way VTiger returns unset columns. */
    Map<String, String> blankRecord() {
        Map<String, String> record = new LinkedHashMap<>();
        fields.forEach(f -> record.put(f.name(), ""));
        return record;
    }
}
