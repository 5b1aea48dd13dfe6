package org.leadrouter.config;

/** Which VTiger Lead fields receive the course, the entry date and the origin of each lead. */
public record LeadFieldMapping(String courseField, String entryDateField, String sourceField) {
}
