package org.leadrouter.vtiger;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;
import org.leadrouter.i18n.Text;

/**
 * VTiger could not be reached or gave no usable answer (I/O error, timeout, HTTP 5xx): a transient failure,
 * distinct from VTiger refusing a request ({@link VtigerException}).
 */
public final class VtigerUnavailableException extends RuntimeException implements Classified {
    private final boolean mayHaveArrived;

    /** @param cause the failure when no answer came back at all; null when VTiger answered something unusable */
    public VtigerUnavailableException(String message, boolean mayHaveArrived, Throwable cause) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    /**
     * True when the request may have reached VTiger and been acted on although no answer came back
     * (a timeout or a server error after sending); false when it surely was not sent (connection refused).
     */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    /**
     * True when the request may have arrived and no answer at all came back (a timeout, a connection dropped after
     * sending): VTiger may still be working on it, holding its session meanwhile. An HTTP error page or an answer that
     * is no JSON means the request is over.
     */
    public boolean mayStillBeRunning() {
        return mayHaveArrived && getCause() != null;
    }

    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.VTIGER_UNAVAILABLE, new Text("text.as-is", getMessage()));
    }
}
