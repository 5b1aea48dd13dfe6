package org.leadrouter.pipeline;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;
import org.leadrouter.i18n.Text;

import java.time.Instant;
import java.util.Objects;

import org.leadrouter.batch.RowOrigin;

/**
 * A create was sent but its answer never came, and VTiger does not show the lead (yet): it may still be working on
 * it. The lead is not sent again before {@link #notBefore()}; meanwhile its file (or the deferred queue) waits, and
 * the lead is looked up by its import marker at each attempt. A transient condition, like VTiger being unavailable.
 */
public final class CreateUnsettledException extends RuntimeException implements Classified {
    private final transient RowOrigin origin;
    private final Instant notBefore;

    public CreateUnsettledException(RowOrigin origin, Instant notBefore) {
        super("VTiger did not answer the create of row " + Objects.requireNonNull(origin, "origin == null").row()
                + " and does not show that lead yet; it may still be working on it, so it is not sent again before "
                + notBefore + " (vtiger.create-settle-time)");
        this.origin = origin;
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore == null");
    }

    public RowOrigin origin() {
        return origin;
    }

    /** When the lead may be sent again if VTiger still does not have it. */
    public Instant notBefore() {
        return notBefore;
    }

    /** Transient like VTiger being unavailable, but only this file (or the deferred queue) waits. */
    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.VTIGER_UNAVAILABLE, new Text("text.as-is", getMessage()));
    }
}
