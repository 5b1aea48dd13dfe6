package org.leadrouter.vtiger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;

/** Several sessions of one user, one request at a time on each: never more than allowed, pages in order. */
class SessionPoolTest {
    private VtigerSandbox sandbox;
    private final SandboxKnobs knobs = new SandboxKnobs();

    @BeforeEach
    void start() throws Exception {
        SandboxFixture.Builder fixture = SandboxFixture.builder().apiUser("api", "k3y").advisor("asesor.ana", true);
        for (int i = 0; i < 1050; i++) {
            fixture.lead(Map.of("lastname", "Lead " + i, "email", "lead" + i + "@example.com", "assigned_user_id", "19x2"));
        }
        sandbox = VtigerSandbox.start(0, fixture.build(), knobs);
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private VtigerClient client(int maxConcurrency) {
        VtigerSettings vs = Settings.from(ConfigSource.of(Map.of("vtiger.url", sandbox.baseUrl().toString(),
                "vtiger.username", "api", "vtiger.access-key", "k3y"))).vtiger();
        return new VtigerClient(new HttpClientTransport(vs), vs.username(), vs.accessKey(),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20)), d -> { }, new CallCounter(), maxConcurrency);
    }

    private static VtqlQuery allLeads() {
        return VtqlQuery.select("id", "email").from("Leads").orderBy("id").build();
    }

    @Test
    void thePagesOfAQueryAreAskedForSeveralAtOnceAndComeBackInOrder() {
        List<Map<String, String>> oneByOne = client(1).queryAll(allLeads());
        int loginsBefore = sandbox.calls("login");
        sandbox.resetCallCounts();
        knobs.latency(Duration.ofMillis(20));

        List<Map<String, String>> atOnce = client(4).queryAll(allLeads());

        assertThat(oneByOne).hasSize(1050);
        assertThat(atOnce).isEqualTo(oneByOne);
        // 11 pages; at most 3 asked for beyond the short one
        assertThat(sandbox.calls("query")).isBetween(11, 14);
        assertThat(sandbox.calls("login")).isBetween(2, 4);
        assertThat(loginsBefore).isEqualTo(1);
    }

    @Test
    void aQueryOfOnePageCostsOneRequestAndOneSessionWhateverTheConcurrency() {
        VtigerClient client = client(4);

        assertThat(client.activeUsers()).extracting(VtigerUser::userName).contains("api", "asesor.ana");
        assertThat(client.query("SELECT count(*) FROM Users;")).hasSize(1);

        assertThat(sandbox.calls("query")).isEqualTo(2);
        assertThat(sandbox.calls("login")).isEqualTo(1);
    }

    @Test
    void manyCallersAtOnceNeverOpenMoreSessionsThanAllowed() throws Exception {
        knobs.latency(Duration.ofMillis(20));
        VtigerClient client = client(3);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(callers.submit(() -> client.query("SELECT count(*) FROM Users;").size()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(sandbox.calls("login")).isBetween(2, 3);
        assertThat(sandbox.calls("getchallenge")).isEqualTo(sandbox.calls("login"));
    }

    @Test
    void sessionsDroppedWhileSeveralAreInUseAreRenewedOneAtATime() throws Exception {
        knobs.latency(Duration.ofMillis(20));
        VtigerClient client = client(4);
        assertThat(client.queryAll(allLeads())).hasSize(1050);
        int opened = sandbox.calls("login");
        sandbox.expireAllSessions();

        assertThat(client.queryAll(allLeads())).hasSize(1050);

        // every session in use was renewed, and every login succeeded (none spoilt another's challenge)
        assertThat(sandbox.calls("login")).isBetween(opened + 1, opened * 2);
        assertThat(sandbox.calls("getchallenge")).isEqualTo(sandbox.calls("login"));
    }
}
