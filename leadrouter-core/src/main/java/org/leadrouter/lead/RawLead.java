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
 * @param unusable why the row cannot become a lead whatever its values say (a workbook formula that could not be
 *                 calculated), in words a user understands; empty for a row that can be validated
 */
public record RawLead(int row, String name, String email, String phone, String course, String entryDate,
                      String source, List<String> notes, Map<String, String> others, String unusable) {

    public RawLead(int row, String name, String email, String phone, String course, String entryDate,
                   String source, List<String> notes, Map<String, String> others) {
        this(row, name, email, phone, course, entryDate, source, notes, others, "");
    }

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
        unusable = unusable == null ? "" : unusable;
    }

    /** The same row, which cannot become a lead for {@code reason}. */
    public RawLead unusable(String reason) {
        return new RawLead(row, name, email, phone, course, entryDate, source, notes, others,
                Objects.requireNonNull(reason, "reason == null"));
    }
}
