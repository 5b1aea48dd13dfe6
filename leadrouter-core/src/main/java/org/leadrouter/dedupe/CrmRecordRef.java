package org.leadrouter.dedupe;

import org.leadrouter.i18n.Messages;

/** A CRM record that holds a contact key: module, record id and the field the key is in. */
public record CrmRecordRef(String module, String recordId, String field) {

    /** For the report, in the team's words: "el lead 10x123 (campo Email)", "Leads 10x123 (email)" in English. */
    public String describe() {
        String moduleKey = "duplicate.record." + module;
        String fieldKey = "crm.field." + field;
        String fieldName = Messages.current().has(fieldKey) ? Messages.t(fieldKey) : field;
        return Messages.current().has(moduleKey) ? Messages.t(moduleKey, recordId, fieldName)
                : Messages.t("duplicate.record", module, recordId, fieldName);
    }
}
