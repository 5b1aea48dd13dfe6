package org.leadrouter.csv;

import java.util.Objects;

import org.leadrouter.i18n.Text;

/**
 * Stops a streaming parse of a workbook the moment it passes a limit, carrying the reason out through the XML
 * parser (which lets only unchecked exceptions through) to become the file's {@link UnreadableFileException}.
 */
final class WorkbookRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Text reason;

    WorkbookRefusal(Text reason) {
        super(Objects.requireNonNull(reason, "reason == null").english(), null, false, false);
        this.reason = reason;
    }

    UnreadableFileException toException() {
        return new UnreadableFileException(reason);
    }
}
