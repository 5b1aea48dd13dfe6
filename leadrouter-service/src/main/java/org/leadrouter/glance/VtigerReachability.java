package org.leadrouter.glance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.leadrouter.vtiger.VtigerCallListener;

/** Whether VTiger answered the last request, told by every call the client makes. */
public final class VtigerReachability implements VtigerCallListener {
    private static final Set<String> LOGIN_REFUSED = Set.of("INVALID_USER_CREDENTIALS", "INVALID_AUTH_TOKEN");

    /** What is known of VTiger: never asked yet, answering, unreachable, or refusing the login; and since when. */
    public record State(Kind kind, Instant since) {
        public enum Kind { UNKNOWN, REACHABLE, UNREACHABLE, LOGIN_REFUSED }
    }

    private final Clock clock;
    private volatile State state = new State(State.Kind.UNKNOWN, null);

    public VtigerReachability(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void called(String operation, String outcome, Duration elapsed) {
        if ("logout".equals(operation)) {
            return; // a stock VTiger 8.1 on PHP 8 answers every logout with HTTP 500, however well it is
        }
        State.Kind kind;
        if ("unavailable".equals(outcome)) {
            kind = State.Kind.UNREACHABLE;
        } else if (LOGIN_REFUSED.contains(outcome)) {
            kind = State.Kind.LOGIN_REFUSED;
        } else if (state.kind() == State.Kind.LOGIN_REFUSED && !("ok".equals(outcome) && "login".equals(operation))) {
            return; // a challenge that works says nothing about the key: refused until a login succeeds
        } else {
            kind = State.Kind.REACHABLE;
        }
        if (kind != state.kind()) {
            state = new State(kind, clock.instant());
        }
    }

    public State state() {
        return state;
    }
}
