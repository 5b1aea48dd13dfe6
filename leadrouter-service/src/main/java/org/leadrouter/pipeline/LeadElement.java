package org.leadrouter.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.config.LeadFieldMapping;
import org.leadrouter.batch.RowOrigin;
import org.leadrouter.lead.Lead;

/**
 * The VTiger Lead to create for one row: name, email, phone, origin, owner, and the course and entry date in
 * the configured fields. The description always records where the lead came from, with an import marker
 * that lets a lost answer be reconciled with VTiger before anything is sent again.
 */
final class LeadElement {
    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LeadElement() {
    }

    static Map<String, String> of(Lead lead, Advisor advisor, LeadFieldMapping fields, RowOrigin origin) {
        Map<String, String> element = new LinkedHashMap<>();
        if (!lead.firstname().isEmpty()) {
            element.put("firstname", lead.firstname());
        }
        element.put("lastname", lead.lastname());
        if (!lead.email().isEmpty()) {
            element.put("email", lead.email());
        }
        if (!lead.phone().isEmpty()) {
            element.put("phone", lead.phone());
        }
        element.put("assigned_user_id", advisor.id());
        StringBuilder description = new StringBuilder();
        put(element, description, fields.sourceField(), "Origen", lead.source());
        put(element, description, fields.courseField(), "Curso interesado", lead.course());
        put(element, description, fields.entryDateField(), "Fecha de entrada", spanishDate(lead.entryDate()));
        description.append("Importado por leadrouter desde ").append(origin.fileName())
                .append(", fila ").append(origin.row()).append(' ').append(origin.marker());
        String existing = element.get("description");
        element.put("description", existing == null ? description.toString() : existing + "\n" + description);
        return element;
    }

    private static void put(Map<String, String> element, StringBuilder description, String field, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (field.equals("description")) {
            description.append(label).append(": ").append(value).append('\n');
        } else {
            element.merge(field, value, (a, b) -> a + " · " + b);
        }
    }

    private static String spanishDate(String isoOrRaw) {
        try {
            return SPANISH_DATE.format(LocalDate.parse(isoOrRaw));
        } catch (DateTimeParseException e) {
            return isoOrRaw;
        }
    }
}
