package org.leadrouter.allocation;

import java.util.HashMap;
import java.util.Map;

/** The values of one lead that rules can test, by column key ({@code course}, {@code source}, {@code provincia}…). */
public final class LeadAttributes {
    public static final String COURSE = "course";
    public static final String SOURCE = "source";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String ENTRY_DATE = "entry-date";

    private final Map<String, String> values;
    private final Map<String, String> folded = new HashMap<>(4);

    private LeadAttributes(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param course the course, {@code source} the lead's origin
     * @param others the other columns of the input, by their header as written (keyed here by {@link Folding#columnKey})
     */
    public static LeadAttributes of(String course, String source, Map<String, String> others) {
        Map<String, String> values = new HashMap<>();
        others.forEach((header, value) -> values.putIfAbsent(Folding.columnKey(header), value == null ? "" : value));
        values.put(COURSE, course == null ? "" : course);
        values.put(SOURCE, source == null ? "" : source);
        return new LeadAttributes(values);
    }

    /** This lead with its name, email, phone and entry date testable too (as the file wrote them). */
    public LeadAttributes withContact(String name, String email, String phone, String entryDate) {
        Map<String, String> more = new HashMap<>(values);
        more.put(NAME, name == null ? "" : name);
        more.put(EMAIL, email == null ? "" : email);
        more.put(PHONE, phone == null ? "" : phone);
        more.put(ENTRY_DATE, entryDate == null ? "" : entryDate);
        return new LeadAttributes(more);
    }

    /** The value in a column as {@link Folding#value} compares it, folded once per column and lead. */
    public String folded(String columnKey) {
        String f = folded.get(columnKey);
        if (f == null) {
            f = Folding.value(value(columnKey));
            folded.put(columnKey, f);
        }
        return f;
    }

    /** The value in a column, "" when the lead has none. */
    public String value(String columnKey) {
        return values.getOrDefault(columnKey, "");
    }
}
