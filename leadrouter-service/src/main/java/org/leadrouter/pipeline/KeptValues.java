package org.leadrouter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leadrouter.config.LeadFieldMapping;
import org.leadrouter.i18n.Messages;

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
            String label = labels.getOrDefault(field, Messages.t("kept.field", field));
            if (kept.isEmpty()) {
                notes.add(Messages.t("kept.not-stored", label, value));
            } else if (kept.length() < value.length() && value.startsWith(kept)) {
                notes.add(Messages.t("kept.shortened", label, kept.length(), value.substring(kept.length())));
            }
        });
        return notes;
    }

    private static Map<String, String> labels(LeadFieldMapping fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("firstname", Messages.t("field.first-name"));
        labels.put("lastname", Messages.t("field.last-name"));
        labels.put("email", Messages.t("field.email"));
        labels.put("phone", Messages.t("field.phone"));
        labels.put(fields.sourceField(), Messages.t("kept.mapped", Messages.t("field.source"), fields.sourceField()));
        labels.put(fields.courseField(), Messages.t("kept.mapped", Messages.t("field.course"), fields.courseField()));
        labels.put(fields.entryDateField(), Messages.t("kept.mapped", Messages.t("field.entry-date"),
                fields.entryDateField()));
        labels.put("description", Messages.t("field.description"));
        return labels;
    }
}
