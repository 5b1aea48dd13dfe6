package org.leadrouter.dedupe;

/** A CRM record that holds a contact key: module, record id and the field the key is in. */
public record CrmRecordRef(String module, String recordId, String field) {

    /** For the report: "Leads 10x123 (email)". */
    public String describe() {
        return module + " " + recordId + " (" + field + ")";
    }
}
