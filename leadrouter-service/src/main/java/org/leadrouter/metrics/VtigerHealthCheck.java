package org.leadrouter.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadrouter.vtiger.LoginRefusal;
import org.leadrouter.vtiger.VtigerCallListener;

/** Camel health check {@code leadrouter/vtiger}: DOWN while VTiger is unreachable or refuses our login, learnt from the calls made. */
public final class VtigerHealthCheck extends AbstractHealthCheck implements VtigerCallListener {
    public static final String GROUP = "leadrouter";
    public static final String ID = "vtiger";

    private final Clock clock;
    private volatile Observation last;
    /** VTiger's refusal code, sticky until a login succeeds: a challenge that works says nothing about the key. */
    private volatile String loginRefusal;

    public VtigerHealthCheck() {
        this(Clock.systemUTC());
    }

    public VtigerHealthCheck(Clock clock) {
        super(GROUP, ID);
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public synchronized void called(String operation, String outcome, Duration elapsed) {
        if ("logout".equals(operation)) {
            return; // a stock VTiger 8.1 on PHP 8 answers every logout with HTTP 500, however well it is
        }
        if (LoginRefusal.isRefusal(operation, outcome)) {
            loginRefusal = outcome;
        } else if ("ok".equals(outcome) && "login".equals(operation)) {
            loginRefusal = null;
        }
        last = new Observation(operation, outcome, clock.instant());
    }

    /** VTiger being down is not a reason to restart leadrouter (it waits and retries): readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Observation seen = last;
        String refusal = loginRefusal;
        if (seen == null) {
            // Nothing known yet (no file has needed VTiger): an idle daemon is not unhealthy.
            builder.up().message("no call to VTiger yet");
            return;
        }
        builder.detail("vtiger.last.operation", seen.operation())
                .detail("vtiger.last.outcome", seen.outcome())
                .detail("vtiger.last.time", seen.time().toString());
        if ("unavailable".equals(seen.outcome())) {
            builder.down().message("VTiger is unreachable (last '" + seen.operation() + "' at " + seen.time()
                    + "): network, DNS, TLS or the CRM is down");
        } else if (refusal != null) {
            builder.down().message(LoginRefusal.explain(refusal));
        } else {
            // VTiger answered: any other error code is about one request, not about reaching the CRM.
            builder.up();
        }
    }

    private record Observation(String operation, String outcome, Instant time) {
    }
}
