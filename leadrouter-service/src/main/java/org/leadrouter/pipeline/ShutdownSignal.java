package org.leadrouter.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;

/** Raised when the service is asked to stop: the run finishes the creates in flight and leaves the rest for later. */
public final class ShutdownSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Thrown between rows when a stop was requested; the file stays in the inbox and resumes on the next start. */
    public static final class StopRequested extends RuntimeException {
        public StopRequested() {
            super("stopping: the rest of the file is left for the next start");
        }
    }
}
