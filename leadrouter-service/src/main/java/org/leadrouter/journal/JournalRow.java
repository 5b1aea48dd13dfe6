package org.leadrouter.journal;

import org.leadrouter.batch.RowOrigin;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the journal remembers of one row: its last status, advisor, lead id, when it changed, and the routing pool it
 * was sent in or waits for ("" when not known).
 */
public record JournalRow(RowOrigin origin, JournalStatus status, String advisorId, String advisorName, String leadId,
                         LocalDate businessDay, OffsetDateTime updatedAt, String pool) {
}
