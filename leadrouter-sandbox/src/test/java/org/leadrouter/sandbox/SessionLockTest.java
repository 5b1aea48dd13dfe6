package org.leadrouter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PHP locks a session's file for each request: one session serves one request at a time, several run side by side. */
class SessionLockTest {

    private VtigerSandbox sandbox;
    private final SandboxKnobs knobs = new SandboxKnobs();
    private SandboxClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder().apiUser("api", "k").advisor("ana", true).build(), knobs);
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Every create stays inside the server until {@code release} opens (or 300 ms pass), counting who is inside. */
    private void holdCreatesUntil(CountDownLatch release) {
        knobs.rejectCreates(element -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.countDown();
                release.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return false;
        }, "UNUSED", "never");
    }

    private List<CompletableFuture<SandboxClient.Answer>> createInParallel(List<String> sessions) {
        return sessions.stream().map(s -> CompletableFuture.supplyAsync(() ->
                client.create(s, "Leads", Map.of("lastname", "P", "assigned_user_id", "19x2")))).toList();
    }

    @Test
    void parallelRequestsOnOneSessionAreServedOneAfterAnother() {
        String session = client.login("api", "k");
        holdCreatesUntil(new CountDownLatch(4));

        var answers = createInParallel(IntStream.range(0, 4).mapToObj(i -> session).toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.join().success()).isTrue());
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(sandbox.records("Leads")).hasSize(4);
    }

    @Test
    void sessionsOfOneUserOpenedOneAfterAnotherRunSideBySide() {
        String first = client.login("api", "k");
        String second = client.login("api", "k");
        // each create waits until the other is inside too
        holdCreatesUntil(new CountDownLatch(2));

        var answers = createInParallel(List.of(first, second));

        assertThat(answers).allSatisfy(a -> assertThat(a.join().success()).isTrue());
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }
}
