package org.leadrouter.daemon;

import java.util.Objects;

import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;

/**
 * Keeps the daemon going through a full state disk. First step of each unit of work (a file in the inbox route, a
 * check of the deferred queue, a purge): the state database must answer, and is reopened once H2 closed it after a
 * failed write (see {@link StateDatabase#reopenIfClosed()}). A unit of work the state failed is transient: it waits
 * with back-off (a file stays in the inbox), health is DOWN naming the state folder, and all resumes by itself once
 * the state can be written again — what was sent meanwhile is found by its import marker, never sent twice.
 */
public final class StateCheck {
    private final StateDatabase state;
    private final RetryGate gate;
    private final DaemonEvents events;

    public StateCheck(StateDatabase state, RetryGate gate, DaemonEvents events) {
        this.state = Objects.requireNonNull(state, "state == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.events = Objects.requireNonNull(events, "events == null");
    }

    /** The state answers (reopened if needed), or this throws the {@link StateException} that says why not. */
    public void usable() {
        state.reopenIfClosed();
        events.stateRecovered();
    }

    /** An inbox file failed on the state: it stays in the inbox and is retried with back-off. */
    public void fileWaits(StateException cause) {
        failed(cause);
        events.fileRetried();
    }

    /** A unit of work failed on the state: everything waits with back-off, and health says why. */
    public void failed(StateException cause) {
        String reason = state.dialect() == org.leadrouter.state.Dialect.H2
                ? "cannot write the state database in " + state.directory() + ": "
                        + (cause == null ? "unknown" : StateDatabase.rootCause(cause)) + " — a full disk?"
                : "cannot use the state database (" + state.description() + "): "
                        + (cause == null ? "unknown" : StateDatabase.rootCause(cause)) + " — the database server does not answer?";
        gate.failed(reason);
        events.stateTrouble(reason);
    }
}
