package org.leadrouter.lead;

import java.util.List;
import java.util.Objects;

/**
 * One data row as read from a file: trimmed values by logical column, never null ("" when absent).
 *
 * @param row   spreadsheet row number where the record starts (header line = 1), counting physical lines
 * @param notes repairs made while reading, in words a user understands
 */
public record RawLead(int row, String name, String email, String phone, String course, String entryDate,
                      String source, List<String> notes) {

    public RawLead {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(phone, "phone == null");
        Objects.requireNonNull(course, "course == null");
        Objects.requireNonNull(entryDate, "entryDate == null");
        Objects.requireNonNull(source, "source == null");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes == null"));
    }
}
