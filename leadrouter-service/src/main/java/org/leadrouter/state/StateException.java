package org.leadrouter.state;

/** The state database failed: a local fault (disk, corruption), not a VTiger one. */
public final class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
