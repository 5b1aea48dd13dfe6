package org.leadrouter.routes;

import java.time.Duration;
import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.leadrouter.daemon.DeferredRelease;
import org.leadrouter.daemon.Retention;
import org.leadrouter.daemon.RetryGate;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * The daemon's timers: offer deferred leads when a new business day starts or capacity frees up (even when no file
 * arrives), and purge data past its retention period.
 */
public final class HousekeepingRoute extends RouteBuilder {
    private final DeferredRelease deferred;
    private final Retention retention;
    private final RetryGate gate;
    private final Duration deferredCheck;

    public HousekeepingRoute(DeferredRelease deferred, Retention retention, RetryGate gate, Duration deferredCheck) {
        this.deferred = Objects.requireNonNull(deferred, "deferred == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.deferredCheck = Objects.requireNonNull(deferredCheck, "deferredCheck == null");
    }

    @Override
    public void configure() {
        onException(VtigerUnavailableException.class, VtigerException.class, StateException.class)
            .handled(true).process(e -> gate.failed(e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));

        fromF("timer:deferred-leads?delay=%d&period=%d", deferredCheck.toMillis(), deferredCheck.toMillis())
            .routeId("deferred-leads")
            .filter(e -> gate.open())
                .process(e -> deferred.releaseIfCapacity());

        from("timer:retention?delay=60000&period=21600000")
            .routeId("retention")
            .process(e -> retention.purge());
    }
}
