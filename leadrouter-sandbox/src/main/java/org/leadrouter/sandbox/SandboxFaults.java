package org.leadrouter.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The hook through which a request can be delayed, failed or refused, asked as each request is served: tests plug
 * their fault-injection knobs in here, the demo and the {@code sandbox} command run with {@link #NONE}, a stock VTiger.
 */
public interface SandboxFaults {

    /** No faults: every request is served as a stock VTiger 8.1 serves it. */
    SandboxFaults NONE = new SandboxFaults() {
    };

    /** How a failure in front of PHP (a proxy, the network) looks to the client. */
    enum Failure {
        /** HTTP 500 with an empty body, like a PHP fatal error. */
        HTTP_500,
        /** HTTP 503 with a small HTML page, like an overloaded proxy. */
        HTTP_503,
        /** The request is held for {@link #timeoutHold()}, then the connection is dropped unanswered. */
        TIMEOUT,
        /** HTTP 200 with an empty body. */
        EMPTY_BODY
    }

    /** A VTiger error a request is refused with. */
    record Refusal(String code, String message) {
    }

    /** The failure this request meets before it reaches PHP, if any. */
    default Optional<Failure> failure(String operation) {
        return Optional.empty();
    }

    /** How long a {@link Failure#TIMEOUT} holds its request before dropping the connection. */
    default Duration timeoutHold() {
        return Duration.ZERO;
    }

    /** Time the server spends on this request before acting on it, holding the session's lock as PHP would. */
    default Duration serverTime(String operation) {
        return Duration.ZERO;
    }

    /** Whether this request, once carried out, is answered with HTTP 500 as if the server died after writing. */
    default boolean loseAnswer(String operation) {
        return false;
    }

    /** The error this create (its element, values as strings) is refused with, beyond VTiger's own checks. */
    default Optional<Refusal> refuseCreate(Map<String, String> element) {
        return Optional.empty();
    }

    /** Authenticated calls a session serves before its file is removed; 0, a stock install, for no limit. */
    default int sessionCallLimit() {
        return 0;
    }

    /** Idle time after which a session's file is removed; null, a stock install, for never. */
    default Duration sessionIdleLimit() {
        return null;
    }
}
