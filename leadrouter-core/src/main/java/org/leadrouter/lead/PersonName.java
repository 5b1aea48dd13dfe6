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
    /** Marks that open a nickname, and at the same place in {@link #CLOSERS} the mark that closes it. */
    private static final String OPENERS = "\"“«(";
    private static final String CLOSERS = "\"”»)";

    public PersonName {
        Objects.requireNonNull(firstname, "firstname == null");
        Objects.requireNonNull(lastname, "lastname == null");
    }

    /**
     * Splits a full name. VTiger requires a last name, so a single word becomes the last name. Particles stick to
     * the word after them, so "Juan de la Cruz" is "Juan" / "de la Cruz". "García López, María" (surnames first,
     * comma) is honoured as written. A nickname in quotes or parentheses is part of the first name.
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

    /**
     * Groups words so that a run of particles travels with the word that follows it, and a nickname in quotes or
     * parentheses ({@code Ana "La Rubia" Gómez}, {@code José (Pepe) García}) stays with the name before it.
     */
    private static List<String> units(String name) {
        List<String> units = new ArrayList<>();
        if (name.isEmpty()) {
            return units;
        }
        StringBuilder pending = new StringBuilder();
        String[] words = name.split(" ");
        for (int i = 0; i < words.length; i++) {
            int end = nicknameEnd(words, i);
            if (end >= 0) {
                String nickname = String.join(" ", List.of(words).subList(i, end + 1));
                i = end;
                if (pending.length() == 0 && !units.isEmpty()) {
                    units.set(units.size() - 1, units.get(units.size() - 1) + " " + nickname);
                } else { // a nickname before any name ("«Pepe» García") goes with the name after it
                    append(pending, nickname);
                }
                continue;
            }
            append(pending, words[i]);
            if (!PARTICLES.contains(words[i].toLowerCase(Locale.ROOT))) {
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

    /** The index of the word closing a nickname opened by {@code words[start]}, or -1 if none opens there. */
    private static int nicknameEnd(String[] words, int start) {
        String first = words[start];
        if (first.isEmpty()) {
            return -1;
        }
        int open = OPENERS.indexOf(first.charAt(0));
        if (open < 0) {
            return -1;
        }
        char close = CLOSERS.charAt(open);
        for (int i = start; i < words.length; i++) {
            String w = words[i];
            if (w.length() > (i == start ? 1 : 0) && w.charAt(w.length() - 1) == close) {
                return i;
            }
        }
        return -1; // never closed: an ordinary word
    }

    private static void append(StringBuilder pending, String word) {
        if (pending.length() > 0) {
            pending.append(' ');
        }
        pending.append(word);
    }
}
