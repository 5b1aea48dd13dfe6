package org.leadrouter.metrics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.daemon.DaemonEvents;

/**
 * A readiness check that is DOWN, with the reason as its message, while the daemon has a trouble that heals by itself
 * once its cause is fixed (a restart would not help, so never liveness), and UP otherwise.
 */
abstract class TroubleHealthCheck extends AbstractHealthCheck implements DaemonEvents {

    TroubleHealthCheck(String id) {
        super(VtigerHealthCheck.GROUP, id);
    }

    /** The trouble now, or null when there is none. */
    protected abstract String trouble();

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String now = trouble();
        if (now == null) {
            builder.up();
        } else {
            builder.down().message(now);
        }
    }
}
