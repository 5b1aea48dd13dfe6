package org.leadrouter.journal;

import java.time.LocalDate;

import org.leadrouter.lead.RawLead;

/** A lead waiting in the deferred queue: the row as read, where it came from, and the day it was deferred. */
public record DeferredLead(RowOrigin origin, RawLead raw, LocalDate deferredOn) {
}
