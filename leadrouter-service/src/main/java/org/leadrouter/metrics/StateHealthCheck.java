package org.leadrouter.metrics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.daemon.DaemonEvents;

/**
 * Camel health check {@code leadrouter/state}: DOWN while the state database cannot be used (a full disk under H2, a
 * PostgreSQL server that does not answer), with the reason; files wait meanwhile. UP again once it answers.
 */
public final class StateHealthCheck extends AbstractHealthCheck implements DaemonEvents {
    public static final String ID = "state";
    private volatile String trouble;

    public StateHealthCheck() {
        super(VtigerHealthCheck.GROUP, ID);
    }

    @Override
    public void stateTrouble(String reason) {
        trouble = reason;
    }

    @Override
    public void stateRecovered() {
        trouble = null;
    }

    @Override
    public void fileProcessed(org.leadrouter.batch.DistributionBatch batch) {
        trouble = null;
    }

    /** The state heals when its database answers again: a restart would not help, so readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String now = trouble;
        if (now == null) {
            builder.up();
        } else {
            builder.down().message(now);
        }
    }
}
