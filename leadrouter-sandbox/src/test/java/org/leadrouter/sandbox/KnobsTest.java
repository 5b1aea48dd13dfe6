package org.leadrouter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leadrouter.sandbox.SandboxClient.params;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.testing.MutableClock;

/** Failure injection, latency, call counting and the other levers tests pull on the sandbox. */
class KnobsTest {

    private VtigerSandbox sandbox;
    private final SandboxKnobs knobs = new SandboxKnobs();
    private SandboxClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder().apiUser("api", "k").advisor("ana", true).build(), knobs);
        client = new SandboxClient(sandbox);
        session = client.login("api", "k");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxClient.Answer listUsers() {
        return client.query(session, "SELECT id FROM Users;");
    }

    @Test
    void failNextAffectsExactlyTheNextRequests() {
        knobs.failNext(2, SandboxFaults.Failure.HTTP_503);
        assertThat(listUsers().status()).isEqualTo(503);
        assertThat(listUsers().status()).isEqualTo(503);
        assertThat(listUsers().success()).isTrue();
    }

    @Test
    void failNextForOneOperationLeavesOthersAlone() {
        knobs.failNext("create", 1, SandboxFaults.Failure.HTTP_500);
        assertThat(listUsers().success()).isTrue();
        var failed = client.create(session, "Leads", Map.of("lastname", "X", "assigned_user_id", "19x2"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEmpty();
        assertThat(sandbox.records("Leads")).isEmpty();
        assertThat(client.create(session, "Leads", Map.of("lastname", "X", "assigned_user_id", "19x2")).success()).isTrue();
    }

    @Test
    void emptyBodyFailureAnswers200WithNothing() {
        knobs.failNext(1, SandboxFaults.Failure.EMPTY_BODY);
        var answer = listUsers();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void timeoutHoldsTheRequestThenDropsTheConnection() {
        knobs.timeoutHold(Duration.ofMillis(300));
        knobs.failNext(1, SandboxFaults.Failure.TIMEOUT);
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.rawPost(createX(), Duration.ofSeconds(10))).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sandbox.records("Leads")).isEmpty();
        assertThat(listUsers().success()).isTrue();
    }

    private Map<String, String> createX() {
        return params("operation", "create", "sessionName", session, "elementType", "Leads",
                "element", "{\"lastname\":\"X\",\"assigned_user_id\":\"19x2\"}");
    }

    @Test
    void closeReleasesAHeldRequestPromptly() throws Exception {
        knobs.timeoutHold(Duration.ofMinutes(5));
        knobs.failNext(1, SandboxFaults.Failure.TIMEOUT);
        CompletableFuture<Object> held = CompletableFuture.supplyAsync(() -> {
            try {
                return client.rawPost(createX(), Duration.ofMinutes(1));
            } catch (Exception e) {
                return e;
            }
        });
        // Wait until the sandbox has the request in hand before closing.
        while (sandbox.calls("create") == 0) {
            Thread.onSpinWait();
        }
        long started = System.nanoTime();
        sandbox.close();
        assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void latencyDelaysEveryAnswer() {
        knobs.latency(Duration.ofMillis(250));
        long started = System.nanoTime();
        assertThat(listUsers().success()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        knobs.reset();
        started = System.nanoTime();
        listUsers();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void callsAreCountedPerOperationIncludingFailures() {
        assertThat(sandbox.calls("getchallenge")).isEqualTo(1);
        assertThat(sandbox.calls("login")).isEqualTo(1);
        listUsers();
        knobs.failNext(1, SandboxFaults.Failure.HTTP_500);
        listUsers();
        client.query(session, "SELECT nonsense");
        client.get(params("operation", "frobnicate"));
        assertThat(sandbox.calls("query")).isEqualTo(3);
        assertThat(sandbox.callCounts()).containsExactly(Map.entry("frobnicate", 1), Map.entry("getchallenge", 1),
                Map.entry("login", 1), Map.entry("query", 3));
        sandbox.resetCallCounts();
        assertThat(sandbox.callCounts()).isEmpty();
        assertThat(sandbox.calls("query")).isZero();
    }

    @Test
    void rejectCreatesAnswersTheChosenError() {
        knobs.rejectCreates(e -> e.getOrDefault("email", "").endsWith("@spam.test"),
                "DUPLICATE_RECORD", "Duplicate record found");
        var rejected = client.create(session, "Leads", Map.of("lastname", "S", "email", "a@spam.test", "assigned_user_id", "19x2"));
        assertThat(rejected.errorCode()).isEqualTo("DUPLICATE_RECORD");
        assertThat(rejected.errorMessage()).isEqualTo("Duplicate record found");
        assertThat(client.create(session, "Leads", Map.of("lastname", "S", "email", "a@ok.test", "assigned_user_id", "19x2"))
                .success()).isTrue();
        assertThat(sandbox.records("Leads")).hasSize(1);
    }

    @Test
    void sessionsExpireAfterTheConfiguredNumberOfCalls() {
        knobs.expireSessionsAfterCalls(2);
        String fresh = client.login("api", "k");
        assertThat(client.query(fresh, "SELECT id FROM Users;").success()).isTrue();
        assertThat(client.query(fresh, "SELECT id FROM Users;").success()).isTrue();
        assertThat(client.query(fresh, "SELECT id FROM Users;").errorCode()).isEqualTo("INVALID_SESSIONID");
        assertThat(client.query(fresh, "SELECT id FROM Users;").errorCode()).isEqualTo("INVALID_SESSIONID");
        String again = client.login("api", "k");
        assertThat(client.query(again, "SELECT id FROM Users;").success()).isTrue();
    }

    @Test
    void expireAllSessionsInvalidatesExistingOnes() {
        sandbox.expireAllSessions();
        assertThat(listUsers().errorCode()).isEqualTo("INVALID_SESSIONID");
        String again = client.login("api", "k");
        assertThat(client.query(again, "SELECT id FROM Users;").success()).isTrue();
    }

    @Test
    void createdTimeFollowsTheFixturesClockAsATestMovesIt() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-02-03T04:05:06Z"));
        try (VtigerSandbox timed = VtigerSandbox.start(0, SandboxFixture.builder().clock(clock).apiUser("api", "k")
                .advisor("ana", true).build(), knobs)) {
            SandboxClient other = new SandboxClient(timed);
            String s = other.login("api", "k");
            var first = other.create(s, "Leads", Map.of("lastname", "T", "assigned_user_id", "19x2"));
            clock.advance(Duration.ofHours(26));
            var second = other.create(s, "Leads", Map.of("lastname", "U", "assigned_user_id", "19x2"));
            assertThat(first.result().get("createdtime").asText()).isEqualTo("2026-02-03 04:05:06");
            assertThat(second.result().get("createdtime").asText()).isEqualTo("2026-02-04 06:05:06");
        }
    }
}
