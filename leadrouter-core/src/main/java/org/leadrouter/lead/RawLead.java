package org.leadrouter.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row as read from a file: trimmed values by logical column, never null ("" when absent).
 *
 * @param row   spreadsheet row number where the record starts (header line = 1), counting physical lines
 * @param notes repairs made while reading, in words a user understands
 * @param others the file's other columns (not sent to VTiger; routing rules can test them), by header as written
 */
public record RawLead(int row, String name, String email, String phone, String course, String entryDate,
                      String source, List<String> notes, Map<String, String> others) {

    public RawLead(int row, String name, String email, String phone, String course, String entryDate,
                   String source, List<String> notes) {
        this(row, name, email, phone, course, entryDate, source, notes, Map.of());
    }

    public RawLead {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(email, "email == null");
        Objects.requireNonNull(phone, "phone == null");
        Objects.requireNonNull(course, "course == null");
        Objects.requireNonNull(entryDate, "entryDate == null");
        Objects.requireNonNull(source, "source == null");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes == null"));
        others = others == null || others.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }
}
