package org.leadrouter.csv;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises a column header however it was typed: case, accents, spaces and punctuation do not matter. */
public final class HeaderAliases {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, LeadColumn> ALIASES = new HashMap<>();

    static {
        // Exact matches on the folded form only: a header such as "Fecha nacimiento" must not pass for a date.
        alias(LeadColumn.NAME, "Nombre", "Name", "Nombre completo", "Full name", "Nombre y apellidos",
                "Nombre apellidos", "Nombre del lead");
        alias(LeadColumn.EMAIL, "Email", "Correo", "E-mail", "Correo electrónico", "Mail", "Email address",
                "Dirección de correo", "Correo-e");
        alias(LeadColumn.PHONE, "Teléfono", "Phone", "Móvil", "Tel", "Celular", "Mobile", "Teléfono móvil",
                "Phone number", "Número de teléfono", "Telf", "Tlf", "Tfno", "Mobile phone");
        alias(LeadColumn.COURSE, "Curso Interesado", "Curso", "Course", "Curso de interés", "Curso interés");
        alias(LeadColumn.ENTRY_DATE, "Fecha entrada", "Fecha", "Date", "Fecha de entrada");
        alias(LeadColumn.SOURCE, "Origen del leads", "Origen", "Source", "Lead Source", "Fuente",
                "Origen del lead", "Origen lead");
    }

    private HeaderAliases() {
    }

    /** The logical column a header names, if any. */
    public static Optional<LeadColumn> match(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(ALIASES.get(fold(header)));
    }

    /** Lower case, no accents, letters and digits only: "  Teléfono " and "TELEFONO" fold alike. */
    static String fold(String header) {
        String decomposed = Normalizer.normalize(header, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(plain).replaceAll("");
    }

    private static void alias(LeadColumn column, String... headers) {
        for (String header : headers) {
            LeadColumn previous = ALIASES.put(fold(header), column);
            if (previous != null && previous != column) {
                throw new IllegalStateException("header alias '" + header + "' is ambiguous");
            }
        }
    }
}
