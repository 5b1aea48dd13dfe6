package org.leadrouter.batch;

/** Where a row ended up; the report writes {@link #label()} (errors add VTiger's message). */
public enum RowStatus {
    /** Read, not yet decided. */
    PENDING("pending"),
    CREATED("created"),
    PLANNED("planned"),
    DUPLICATE("duplicate"),
    DEFERRED("deferred"),
    INVALID("invalid"),
    ERROR("error");

    private final String label;

    RowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
