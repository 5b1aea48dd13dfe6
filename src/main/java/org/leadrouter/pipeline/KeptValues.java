package org.leadrouter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leadrouter.config.LeadFieldMapping;

/**
 * What VTiger did not keep of a created lead. VTiger cuts every value to its column's length without a word, and
 * its create answer is the record as stored: comparing the two finds each shortened or dropped value, whatever the
 * field and whatever its length on this installation.
 */
final class KeptValues {
    private KeptValues() {
    }

    /** One note per value VTiger shortened or did not store; none when the answer is unknown (empty). */
    static List<String> notes(Map<String, String> sent, Map<String, String> stored, LeadFieldMapping fields) {
        List<String> notes = new ArrayList<>();
        if (stored.isEmpty()) {
            return notes;
        }
        Map<String, String> labels = labels(fields);
        sent.forEach((field, value) -> {
            if (field.equals("assigned_user_id") || value.isEmpty() || !stored.containsKey(field)) {
                return;
            }
            String kept = stored.get(field);
            String label = labels.getOrDefault(field, "field '" + field + "'");
            if (kept.isEmpty()) {
                notes.add(label + ": VTiger did not store the value '" + value + "' (the field does not take it)");
            } else if (kept.length() < value.length() && value.startsWith(kept)) {
                notes.add(label + ": VTiger kept only the first " + kept.length() + " characters (its field is that"
                        + " long); lost: '" + value.substring(kept.length()) + "'");
            }
        });
        return notes;
    }

    private static Map<String, String> labels(LeadFieldMapping fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("firstname", "first name");
        labels.put("lastname", "last name");
        labels.put("email", "email");
        labels.put("phone", "phone");
        labels.put(fields.sourceField(), "source (field '" + fields.sourceField() + "')");
        labels.put(fields.courseField(), "course (field '" + fields.courseField() + "')");
        labels.put(fields.entryDateField(), "entry date (field '" + fields.entryDateField() + "')");
        labels.put("description", "description");
        return labels;
    }
}
