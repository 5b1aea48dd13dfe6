package org.leadrouter.pipeline;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Raised when the service is asked to stop, or when this node is no longer the leader of a high-availability pair:
 * the run finishes the creates in flight and leaves the rest for later (for the next start, or for the new leader).
 */
public final class ShutdownSignal {
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile BooleanSupplier leading = () -> true;

    /** With high availability: whether this node still leads, asked before each create (always true without). */
    public void leadership(BooleanSupplier leading) {
        this.leading = Objects.requireNonNull(leading, "leading == null");
    }

    public boolean leading() {
        return leading.getAsBoolean();
    }

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Thrown between rows when a stop was requested; the file stays in the inbox and resumes on the next start. */
    public static class StopRequested extends RuntimeException {
        public StopRequested() {
            super("stopping: the rest of the file is left for the next start");
        }

        StopRequested(String message) {
            super(message);
        }
    }

    /** Thrown between rows when this node lost the leadership: the file stays in the inbox for the new leader. */
    public static final class LeadershipLost extends StopRequested {
        public LeadershipLost() {
            super("no longer the leader: the rest of the file is left to the node that leads now");
        }
    }
}
