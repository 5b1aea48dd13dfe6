package org.leadrouter.metrics;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.daemon.DaemonEvents;
import org.leadrouter.glance.InboxStatus;

/**
 * Camel health check {@code leadrouter/inbox}: DOWN while files have waited in the inbox longer than they should,
 * whatever holds them (VTiger, a folder, a file that cannot leave), with since when, how many and the last failure.
 */
public final class InboxHealthCheck extends AbstractHealthCheck implements DaemonEvents {
    public static final String ID = "inbox";
    private volatile Supplier<InboxStatus> status = () -> InboxStatus.FLOWING;

    public InboxHealthCheck() {
        super(VtigerHealthCheck.GROUP, ID);
    }

    @Override
    public void inboxWatched(Supplier<InboxStatus> inbox) {
        status = inbox;
    }

    /** A stalled inbox needs its cause fixed, not a restart: readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        InboxStatus now = status.get();
        builder.detail("waiting", now.waiting()).detail("oldest.age.seconds", now.oldestAge().toSeconds());
        if (!now.stalled()) {
            builder.up();
            return;
        }
        builder.down().message("the inbox has not moved since "
                + now.stalledSince().truncatedTo(ChronoUnit.SECONDS) + ": " + now.waiting()
                + " file(s) waiting, the oldest for " + now.oldestAge().toMinutes() + " min; last failure: "
                + now.failure().map(Enum::name).orElse("none"));
    }
}
