package org.leadrouter.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Levers tests pull to make the sandbox slow, flaky or strict; thread-safe, effective at once. Given to
 * {@link VtigerSandbox#start(int, SandboxFixture, SandboxFaults)}.
 */
public final class SandboxKnobs implements SandboxFaults {

    /** A create the sandbox refuses with a chosen VTiger error. */
    private record CreateRejection(Predicate<Map<String, String>> when, Refusal refusal) {
    }

    private record Pending(int remaining, Failure kind) {
    }

    private static final Duration DEFAULT_HOLD = Duration.ofSeconds(5);

    private final List<CreateRejection> rejections = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> perOperation = new HashMap<>();
    private final Map<String, Integer> lostAnswers = new HashMap<>();
    private Pending anyOperation;
    private int slowCreates;
    private Duration slowCreateTime = Duration.ZERO;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration timeoutHold = DEFAULT_HOLD;
    private volatile int sessionCallLimit;
    private volatile Duration sessionIdleLimit;

    /** Server time added to every request, spent while holding the session's lock as PHP would. */
    public void latency(Duration perRequest) {
        latency = Objects.requireNonNull(perRequest);
    }

    /** The next {@code requests} requests, whatever their operation, fail with {@code kind}. */
    public synchronized void failNext(int requests, Failure kind) {
        anyOperation = new Pending(requests, Objects.requireNonNull(kind));
    }

    /** The next {@code requests} requests of {@code operation} fail with {@code kind}. */
    public synchronized void failNext(String operation, int requests, Failure kind) {
        perOperation.put(operation.toLowerCase(Locale.ROOT), new Pending(requests, Objects.requireNonNull(kind)));
    }

    /**
     * The next {@code requests} requests of {@code operation} are carried out, then answered with HTTP 500 as if
     * the server died after writing: the client cannot know that its request took effect.
     */
    public synchronized void loseAnswers(String operation, int requests) {
        lostAnswers.put(operation.toLowerCase(Locale.ROOT), requests);
    }

    /**
     * The next {@code creates} creates take {@code time} inside VTiger (as when its workflows send mail within the
     * request) and are stored at the end of it, whether the client still waits or not; then they are answered.
     */
    public synchronized void slowCreates(int creates, Duration time) {
        slowCreates = creates;
        slowCreateTime = Objects.requireNonNull(time);
    }

    /** How long a {@link Failure#TIMEOUT} holds the request before dropping it; default 5 s. */
    public void timeoutHold(Duration hold) {
        timeoutHold = Objects.requireNonNull(hold);
    }

    /**
     * Every session's file is removed after it served {@code n} authenticated calls, so the next call answers
     * INVALID_SESSIONID (a stock 8.1 never ends a busy session by itself); 0 turns this off.
     */
    public void expireSessionsAfterCalls(int n) {
        sessionCallLimit = Math.max(0, n);
    }

    /**
     * Sessions left idle longer than {@code idle} are removed, as PHP's session garbage collector does with old
     * session files (their next use answers INVALID_SESSIONID); null, the default, keeps them for ever.
     */
    public void dropSessionsIdleFor(Duration idle) {
        sessionIdleLimit = idle;
    }

    /** A create whose element (values as strings) matches {@code when} answers error {@code code}/{@code message}. */
    public void rejectCreates(Predicate<Map<String, String>> when, String code, String message) {
        rejections.add(new CreateRejection(Objects.requireNonNull(when), new Refusal(code, message)));
    }

    /** Back to no latency, no failures, no rejections, no session limits. */
    public synchronized void reset() {
        latency = Duration.ZERO;
        timeoutHold = DEFAULT_HOLD;
        sessionCallLimit = 0;
        sessionIdleLimit = null;
        anyOperation = null;
        slowCreates = 0;
        slowCreateTime = Duration.ZERO;
        perOperation.clear();
        lostAnswers.clear();
        rejections.clear();
    }

    /** Consumes one injected failure for this request, operation-specific ones first. */
    @Override
    public synchronized Optional<Failure> failure(String operation) {
        Pending specific = perOperation.get(operation);
        if (specific != null && specific.remaining() > 0) {
            perOperation.put(operation, new Pending(specific.remaining() - 1, specific.kind()));
            return Optional.of(specific.kind());
        }
        if (anyOperation != null && anyOperation.remaining() > 0) {
            anyOperation = new Pending(anyOperation.remaining() - 1, anyOperation.kind());
            return Optional.of(anyOperation.kind());
        }
        return Optional.empty();
    }

    @Override
    public Duration timeoutHold() {
        return timeoutHold;
    }

    /** The latency, plus the time of a slow create (consuming one, if any is pending). */
    @Override
    public synchronized Duration serverTime(String operation) {
        if (!"create".equals(operation) || slowCreates <= 0) {
            return latency;
        }
        slowCreates--;
        return slowCreateTime.plus(latency);
    }

    /** Consumes one lost answer for this request, if any is pending for its operation. */
    @Override
    public synchronized boolean loseAnswer(String operation) {
        int left = lostAnswers.getOrDefault(operation, 0);
        if (left <= 0) {
            return false;
        }
        lostAnswers.put(operation, left - 1);
        return true;
    }

    @Override
    public Optional<Refusal> refuseCreate(Map<String, String> element) {
        return rejections.stream().filter(r -> r.when().test(Map.copyOf(element))).map(CreateRejection::refusal)
                .findFirst();
    }

    @Override
    public int sessionCallLimit() {
        return sessionCallLimit;
    }

    @Override
    public Duration sessionIdleLimit() {
        return sessionIdleLimit;
    }
}
