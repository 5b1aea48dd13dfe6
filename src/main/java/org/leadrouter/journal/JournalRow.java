package org.leadrouter.journal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the journal remembers of one row: its last status, advisor, lead id and when it changed. */
public record JournalRow(RowOrigin origin, JournalStatus status, String advisorId, String advisorName, String leadId,
                         LocalDate businessDay, OffsetDateTime updatedAt) {
}
