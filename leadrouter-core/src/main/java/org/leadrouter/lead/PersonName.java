package org.leadrouter.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A full name split into the CRM's first and last name following the Spanish two-surname convention. */
public record PersonName(String firstname, String lastname) {

    private static final Set<String> PARTICLES =
            Set.of("de", "del", "la", "las", "los", "y", "da", "van", "von", "san");

    public PersonName {
        Objects.requireNonNull(firstname, "firstname == null");
        Objects.requireNonNull(lastname, "lastname == null");
    }

    /**
     * Splits a full name. VTiger requires a last name, so a single word becomes the last name. Particles stick to
     * the word after them, so "Juan de la Cruz" is "Juan" / "de la Cruz". "García López, María" (surnames first,
     * comma) is honoured as written.
     */
    public static PersonName split(String fullName) {
        String name = Texts.collapse(fullName);
        int comma = name.indexOf(',');
        if (comma >= 0 && comma == name.lastIndexOf(',')) {
            String last = Texts.strip(name.substring(0, comma));
            String first = Texts.strip(name.substring(comma + 1));
            if (!last.isEmpty() && !first.isEmpty()) {
                return new PersonName(first, last);
            }
        }
        List<String> units = units(name);
        int n = units.size();
        if (n == 0) {
            return new PersonName("", "");
        }
        if (n == 1) {
            return new PersonName("", units.get(0));
        }
        // 2 words: first + surname; 3: first + two surnames; 4+: compound first name + two surnames
        int firstCount = n == 2 ? 1 : n == 3 ? 1 : n - 2;
        return new PersonName(String.join(" ", units.subList(0, firstCount)),
                String.join(" ", units.subList(firstCount, n)));
    }

    /** Groups words so that a run of particles travels with the word that follows it. */
    private static List<String> units(String name) {
        List<String> units = new ArrayList<>();
        if (name.isEmpty()) {
            return units;
        }
        StringBuilder pending = new StringBuilder();
        for (String word : name.split(" ")) {
            if (pending.length() > 0) {
                pending.append(' ');
            }
            pending.append(word);
            if (!PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                units.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            // trailing particles ("Pedro de") have nothing to stick to: keep them with the previous word
            if (units.isEmpty()) {
                units.add(pending.toString());
            } else {
                units.set(units.size() - 1, units.get(units.size() - 1) + " " + pending);
            }
        }
        return units;
    }
}
