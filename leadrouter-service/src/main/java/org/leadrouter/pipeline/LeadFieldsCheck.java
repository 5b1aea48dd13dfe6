package org.leadrouter.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.leadrouter.config.ConfigException;
import org.leadrouter.config.LeadFieldMapping;
import org.leadrouter.vtiger.VtigerClient;

/**
 * Before the first lead is created, checks with {@code describe} that the configured target fields exist in VTiger's
 * Leads module: a mistyped custom field would otherwise make every create fail, or lose the value.
 */
public final class LeadFieldsCheck {
    private final VtigerClient vtiger;
    private final LeadFieldMapping fields;
    private volatile boolean verified;

    public LeadFieldsCheck(VtigerClient vtiger, LeadFieldMapping fields) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.fields = Objects.requireNonNull(fields, "fields == null");
    }

    /** Throws {@link ConfigException} naming the key of the first field VTiger's Leads module lacks. */
    public void verify() {
        if (verified) {
            return;
        }
        Set<String> known = vtiger.describe("Leads").fields();
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("lead.course-field", fields.courseField());
        wanted.put("lead.entry-date-field", fields.entryDateField());
        wanted.put("lead.source-field", fields.sourceField());
        wanted.forEach((key, field) -> {
            if (!known.contains(field)) {
                throw new ConfigException(key, "VTiger's Leads module has no field '" + field
                        + "' (use the field's name as VTiger's layout editor shows it, e.g. cf_853)");
            }
        });
        verified = true;
    }
}
