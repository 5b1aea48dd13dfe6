package org.leadrouter.vtiger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxFaults;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;

/** The VTiger client over HTTP against the sandbox: login, session renewal, timeouts, retries, typed errors. */
class VtigerClientTest {
    private VtigerSandbox sandbox;
    private final SandboxKnobs knobs = new SandboxKnobs();
    private CallCounter calls;

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder().apiUser("api", "k3y").advisor("asesor.ana", true).build(), knobs);
        calls = new CallCounter();
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private VtigerClient client(String key, String readTimeout, int attempts) {
        VtigerSettings vs = Settings.from(ConfigSource.of(Map.of("vtiger.url", sandbox.baseUrl().toString(),
                "vtiger.username", "api", "vtiger.access-key", key, "vtiger.read-timeout", readTimeout,
                "vtiger.retry.attempts", String.valueOf(attempts)))).vtiger();
        return new VtigerClient(new HttpClientTransport(vs), vs.username(), vs.accessKey(),
                new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(20)), d -> { }, calls);
    }

    @Test
    void logsInOnceAndQueries() {
        VtigerClient client = client("k3y", "10s", 1);
        assertThat(client.activeUsers()).extracting(VtigerUser::userName).contains("api", "asesor.ana");
        assertThat(client.query("SELECT count(*) FROM Leads;")).containsExactly(Map.of("count", "0"));
        assertThat(sandbox.calls("login")).isEqualTo(1);
    }

    @Test
    void describeGivesTheIdPrefixAndTheFieldsOnce() {
        VtigerClient client = client("k3y", "10s", 1);
        ModuleInfo leads = client.describe("Leads");
        assertThat(leads.idPrefix()).isEqualTo("10");
        assertThat(leads.fields()).contains("lastname", "assigned_user_id", "description", "leadsource");
        client.describe("Leads");
        assertThat(sandbox.calls("describe")).isEqualTo(1);
    }

    @Test
    void wrongKeyIsALoginRefusal() {
        assertThatThrownBy(() -> client("nope", "10s", 1).login())
                .isInstanceOfSatisfying(VtigerException.class, e -> assertThat(e.isLoginRefused()).isTrue());
    }

    @Test
    void aLoginWhoseChallengeAnotherProcessReplacedIsTriedAgain() {
        VtigerSettings vs = Settings.from(ConfigSource.of(Map.of("vtiger.url", sandbox.baseUrl().toString(),
                "vtiger.username", "api", "vtiger.access-key", "k3y"))).vtiger();
        VtigerClient other = new VtigerClient(new HttpClientTransport(vs), "api", vs.accessKey(), RetryPolicy.ONCE,
                d -> { }, VtigerCallListener.NONE);
        java.util.concurrent.atomic.AtomicBoolean interposed = new java.util.concurrent.atomic.AtomicBoolean();
        // another process asks for a challenge as the same user between our challenge and our login, once: VTiger
        // keeps one token per user, so ours is gone and our login is refused as if the key were wrong
        VtigerCallListener interposer = (operation, outcome, elapsed) -> {
            if (operation.equals("getchallenge") && interposed.compareAndSet(false, true)) {
                other.login();
            }
        };
        java.util.List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        VtigerClient client = new VtigerClient(new HttpClientTransport(vs), "api", vs.accessKey(), RetryPolicy.ONCE,
                waits::add, interposer);

        assertThat(client.login()).isNotEmpty();
        assertThat(interposed).isTrue();
        assertThat(sandbox.calls("login")).as("ours refused, the other's, ours again").isEqualTo(3);
        assertThat(waits).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedEveryTimeAndBelievedAfterThreeLogins() {
        assertThatThrownBy(() -> client("nope", "10s", 1).login())
                .isInstanceOfSatisfying(VtigerException.class, e -> assertThat(e.isLoginRefused()).isTrue());
        assertThat(sandbox.calls("login")).isEqualTo(3);
    }

    @Test
    void closingLogsOutOfEverySessionItOpenedThoughStockVtigerAnswers500() {
        VtigerClient client = client("k3y", "10s", 1);
        client.login();
        client.login(); // replaces the idle session: the first one is still open in VTiger
        assertThat(client.query("SELECT count(*) FROM Users;")).hasSize(1);

        client.close();

        assertThat(sandbox.calls("logout")).isEqualTo(sandbox.calls("login")).isEqualTo(2);
        assertThat(calls.counts()).containsEntry("logout", 2);
    }

    @Test
    void aSessionVtigerEndedIsNotLoggedOutOf() {
        VtigerClient client = client("k3y", "10s", 1);
        client.login();
        sandbox.expireAllSessions();
        assertThat(client.query("SELECT count(*) FROM Users;")).hasSize(1);

        client.close();

        assertThat(sandbox.calls("login")).isEqualTo(2);
        assertThat(sandbox.calls("logout")).isEqualTo(1);
    }

    @Test
    void anUnreachableVtigerAtCloseIsAskedOnceAndCloseStillReturns() throws Exception {
        VtigerClient client = client("k3y", "10s", 1);
        client.login();
        client.login();
        sandbox.close();

        client.close();

        assertThat(calls.counts()).containsEntry("logout", 1);
    }

    @Test
    void lostSessionMeansOneNewLoginAndTheSameAnswer() {
        VtigerClient client = client("k3y", "10s", 1);
        client.login();
        sandbox.expireAllSessions();
        assertThat(client.query("SELECT count(*) FROM Users;")).hasSize(1);
        assertThat(sandbox.calls("login")).isEqualTo(2);
    }

    @Test
    void readTimeoutIsAnUnavailableVtigerThatMayHaveActed() {
        VtigerClient client = client("k3y", "300ms", 1);
        client.login();
        knobs.latency(Duration.ofSeconds(3));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.create("Leads", Map.of("lastname", "Lento", "assigned_user_id", "19x2")))
                .isInstanceOfSatisfying(VtigerUnavailableException.class, e -> assertThat(e.mayHaveArrived()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(sandbox.calls("create")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedOnlyAsConfigured() {
        VtigerClient client = client("k3y", "10s", 3);
        client.login();
        knobs.failNext("query", 2, SandboxFaults.Failure.HTTP_503);
        assertThat(client.query("SELECT count(*) FROM Leads;")).hasSize(1);
        assertThat(sandbox.calls("query")).isEqualTo(3);
    }

    @Test
    void refusedCreateCarriesVtigersCode() {
        VtigerClient client = client("k3y", "10s", 1);
        assertThatThrownBy(() -> client.create("Leads", Map.of("firstname", "Sin", "assigned_user_id", "19x2")))
                .isInstanceOfSatisfying(VtigerException.class, e -> assertThat(e.code()).isEqualTo("MANDATORY_FIELDS_MISSING"));
    }

    @Test
    void unreachableVtigerSurelyDidNotAct() {
        VtigerClient client = client("k3y", "10s", 2);
        sandbox.close();
        assertThatThrownBy(client::login)
                .isInstanceOfSatisfying(VtigerUnavailableException.class, e -> assertThat(e.mayHaveArrived()).isFalse());
    }
}
