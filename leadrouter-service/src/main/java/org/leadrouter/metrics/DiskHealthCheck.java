package org.leadrouter.metrics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.daemon.DaemonEvents;

/**
 * Camel health check {@code leadrouter/disk}: DOWN while the daemon cannot write a folder it needs (outbox, archive,
 * error) or its state database — typically a full disk — with the reason; UP again as soon as a file goes through,
 * or, for the state, as soon as it answers again.
 */
public final class DiskHealthCheck extends AbstractHealthCheck implements DaemonEvents {
    public static final String ID = "disk";
    private volatile String trouble;
    private volatile String stateTrouble;

    public DiskHealthCheck() {
        super(VtigerHealthCheck.GROUP, ID);
    }

    @Override
    public void diskTrouble(String reason) {
        trouble = reason;
    }

    @Override
    public void diskRecovered() {
        trouble = null;
    }

    @Override
    public void stateTrouble(String reason) {
        stateTrouble = reason;
    }

    @Override
    public void stateRecovered() {
        stateTrouble = null;
    }

    @Override
    public void fileProcessed(org.leadrouter.batch.DistributionBatch batch) {
        trouble = null;
        stateTrouble = null;
    }

    /** A full disk heals when space is freed: a restart would not help, so readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String now = stateTrouble != null ? stateTrouble : trouble;
        if (now == null) {
            builder.up();
        } else {
            builder.down().message(now);
        }
    }
}
