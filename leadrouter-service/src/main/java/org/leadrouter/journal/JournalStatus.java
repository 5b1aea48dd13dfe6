package org.leadrouter.journal;

/** The states of a row in the journal. {@code SENDING} is written before a create, so a crash leaves a trace. */
public enum JournalStatus {
    /** A create is (or was, before a crash) under way: reconcile with VTiger before sending again. */
    SENDING,
    CREATED,
    /** Waiting in the deferred queue for capacity. */
    DEFERRED,
    DUPLICATE,
    INVALID,
    ERROR
}
