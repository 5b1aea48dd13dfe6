package org.leadrouter.state;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;
import org.leadrouter.i18n.Text;

/** The state database failed: a local fault (disk, corruption), not a VTiger one. */
public final class StateException extends RuntimeException implements Classified {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.STATE, new Text("text.as-is", getMessage()));
    }
}
