package org.leadrouter.lead;

import java.util.List;
import java.util.Objects;

/**
 * A validated lead whose values are safe to send to the CRM as they are.
 *
 * @param email     normalised address or ""
 * @param phone     E.164 number or ""
 * @param entryDate ISO yyyy-MM-dd when it could be read as a date, else the text as written
 * @param notes     everything worth telling the user: the reader's repairs and what validation changed
 */
public record Lead(RawLead raw, String firstname, String lastname, String email, String phone, String course,
                   String entryDate, String source, List<String> notes) {

    public Lead {
        Objects.requireNonNull(raw, "raw == null");
        Objects.requireNonNull(firstname, "firstname == null");
        Objects.requireNonNull(lastname, "lastname == null");
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(phone, "phone == null");
        Objects.requireNonNull(course, "course == null");
        Objects.requireNonNull(entryDate, "entryDate == null");
        Objects.requireNonNull(source, "source == null");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes == null"));
    }
}
