package org.leadrouter.csv;

/** The logical columns of a lead file, whatever the header calls them. */
public enum LeadColumn {
    NAME("Nombre"),
    EMAIL("Email"),
    PHONE("Teléfono"),
    COURSE("Curso Interesado"),
    ENTRY_DATE("Fecha entrada"),
    SOURCE("Origen del leads");

    private final String usualHeader;

    LeadColumn(String usualHeader) {
        this.usualHeader = usualHeader;
    }

    /** The header the sales team's own template uses, for messages. */
    public String usualHeader() {
        return usualHeader;
    }
}
