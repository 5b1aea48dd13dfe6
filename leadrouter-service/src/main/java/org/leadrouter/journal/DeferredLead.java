package org.leadrouter.journal;

import org.leadrouter.batch.RowOrigin;

import java.time.LocalDate;

import org.leadrouter.lead.RawLead;

/**
 * A lead waiting in the deferred queue: the row as read, where it came from, the day it was deferred, and whether
 * a create of it was interrupted (then VTiger must be asked before it is sent again).
 */
public record DeferredLead(RowOrigin origin, RawLead raw, LocalDate deferredOn, boolean interrupted) {
}
