package org.leadrouter.metrics;

import java.time.Duration;
import java.util.List;

import org.leadrouter.vtiger.VtigerCallListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners about each VTiger call (the client takes one), none able to break the call. */
public final class VtigerCallListeners {
    private static final Logger LOG = LoggerFactory.getLogger(VtigerCallListeners.class);

    private VtigerCallListeners() {
    }

    /** One listener that tells each of {@code listeners}, in order. */
    public static VtigerCallListener all(VtigerCallListener... listeners) {
        List<VtigerCallListener> targets = List.of(listeners);
        return (operation, outcome, elapsed) -> {
            for (VtigerCallListener target : targets) {
                notify(target, operation, outcome, elapsed);
            }
        };
    }

    private static void notify(VtigerCallListener target, String operation, String outcome, Duration elapsed) {
        try {
            target.called(operation, outcome, elapsed);
        } catch (RuntimeException e) {
            // The client calls listeners from a finally block: a throw here would replace VTiger's own error.
            LOG.warn("a VTiger call listener failed: {}", e.toString());
        }
    }
}
