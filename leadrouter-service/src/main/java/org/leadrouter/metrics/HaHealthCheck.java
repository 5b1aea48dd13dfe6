package org.leadrouter.metrics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.daemon.DaemonEvents;

/**
 * Camel health check {@code leadrouter/ha}: always UP (a standby is healthy: it is ready to take over), saying in its
 * data whether this node is the {@code leader}, a {@code standby}, or alone ({@code none}, without high availability).
 */
public final class HaHealthCheck extends AbstractHealthCheck implements DaemonEvents {
    public static final String ID = "ha";
    private final boolean enabled;
    private volatile boolean leading;

    public HaHealthCheck(boolean enabled) {
        super(VtigerHealthCheck.GROUP, ID);
        this.enabled = enabled;
    }

    @Override
    public void leadershipChanged(boolean leading) {
        this.leading = leading;
    }

    /** What this node does now: leader, standby or none. */
    public String role() {
        return !enabled ? "none" : leading ? "leader" : "standby";
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("ha", role()).message("high availability: " + role()).up();
    }
}
