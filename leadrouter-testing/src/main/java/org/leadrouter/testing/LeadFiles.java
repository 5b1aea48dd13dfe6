package org.leadrouter.testing;

/** Lead files made up for tests and benchmarks: distinct people with valid emails and Spanish mobile numbers. */
public final class LeadFiles {
    public static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    private LeadFiles() {
    }

    /** {@code count} new people whose emails are {@code <prefix><n>@example.com}. */
    public static String people(int count, String prefix, int phoneBase) {
        return HEADER + rows(1, count, prefix, phoneBase);
    }

    /** The rows of people {@code from}..{@code to} (no header), as {@link #people} writes them: to append to a file. */
    public static String rows(int from, int to, String prefix, int phoneBase) {
        StringBuilder csv = new StringBuilder();
        for (int i = from; i <= to; i++) {
            csv.append("Persona ").append(i).append(" García López;").append(prefix).append(i).append("@example.com;")
                    .append(String.format("6%08d", phoneBase + i)).append(";Electricidad;28/07/2025;Portales\n");
        }
        return csv.toString();
    }
}
