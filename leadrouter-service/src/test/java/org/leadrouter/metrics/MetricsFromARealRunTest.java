package org.leadrouter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.app.Leadrouter;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;

/** The meters fed by a real distribution through the pipeline against the VTiger sandbox. */
class MetricsFromARealRunTest {
    @TempDir
    Path work;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LeadrouterMetrics metrics = new LeadrouterMetrics(registry);
    private final VtigerHealthCheck health = new VtigerHealthCheck();

    @Test
    void aDryRunOfTheDemoFileIsCountedRowByRowAndAdvisorByAdvisor() throws Exception {
        SandboxFixture fixture = SandboxFixture.demo();
        DistributionBatch batch;
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture);
             Leadrouter app = Leadrouter.start(settings(sandbox, fixture, "sandbox-demo-key"), Clock.systemDefaultZone(),
                     VtigerCallListeners.all(metrics, health))) {
            DistributionResult result = app.distribute(new DistributionRequest(demoFile(), Mode.DRY_RUN, work.resolve("report.csv")));
            assertThat(result.succeeded()).isTrue();
            batch = result.batch();
        }
        metrics.batchFinished(batch);

        assertThat(batch.roster()).isNotNull();
        assertThat(batch.count(RowStatus.PLANNED)).isPositive();
        for (RowStatus status : RowStatus.values()) {
            double counted = registry.find("leadrouter.leads").tag("status", status.label()).counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            assertThat(counted).as(status.label()).isEqualTo(status == RowStatus.PENDING ? 0 : (double) batch.count(status));
        }
        for (Advisor advisor : batch.roster().advisors()) {
            long planned = batch.rows().stream()
                    .filter(r -> r.status() == RowStatus.PLANNED && r.advisor().id().equals(advisor.id())).count();
            int expectedLeft = Math.max(0, advisor.dailyCap() - batch.roster().loadToday().getOrDefault(advisor.id(), 0) - (int) planned);
            assertThat(registry.get("leadrouter.advisor.remaining.capacity").tag("advisor", advisor.userName()).gauge().value())
                    .as(advisor.userName()).isEqualTo(expectedLeft);
        }
        LeadRow firstPlanned = batch.plannedRows().get(0);
        assertThat(registry.scrape())
                .contains("leadrouter_leads_by_advisor_total{advisor=\"" + firstPlanned.advisor().userName() + "\",status=\"planned\"}")
                .contains("leadrouter_vtiger_calls_seconds_count{operation=\"login\",outcome=\"ok\"} 1")
                .contains("operation=\"query\",outcome=\"ok\"");
        assertThat(health.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aRefusedAccessKeyShowsInTheCallsAndTurnsTheHealthCheckDown() throws Exception {
        SandboxFixture fixture = SandboxFixture.demo();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture);
             Leadrouter app = Leadrouter.start(settings(sandbox, fixture, "not-the-key"), Clock.systemDefaultZone(),
                     VtigerCallListeners.all(metrics, health))) {
            DistributionResult result = app.distribute(new DistributionRequest(demoFile(), Mode.DRY_RUN, work.resolve("report.csv")));
            assertThat(result.succeeded()).isFalse();
        }

        assertThat(registry.scrape()).contains("leadrouter_vtiger_calls_seconds_count{operation=\"login\",outcome=\"INVALID_USER_CREDENTIALS\"}");
        HealthCheck.Result result = health.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("refused the login");
    }

    @Test
    void anUnknownUserNameTurnsTheHealthCheckDownNamingTheSetting() throws Exception {
        SandboxFixture fixture = SandboxFixture.demo();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture);
             Leadrouter app = Leadrouter.start(settings(sandbox, fixture, "sandbox-demo-key", "nobody"),
                     Clock.systemDefaultZone(), VtigerCallListeners.all(metrics, health))) {
            DistributionResult result = app.distribute(new DistributionRequest(demoFile(), Mode.DRY_RUN, work.resolve("report.csv")));
            assertThat(result.succeeded()).isFalse();
        }

        HealthCheck.Result result = health.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("refused the login (ACCESS_DENIED)")
                .contains("vtiger.username");
    }

    private Settings settings(VtigerSandbox sandbox, SandboxFixture fixture, String key) {
        return settings(sandbox, fixture, key, "admin");
    }

    private Settings settings(VtigerSandbox sandbox, SandboxFixture fixture, String key, String user) {
        return Settings.from(ConfigSource.of(Map.of(
                "vtiger.url", sandbox.baseUrl().toString(),
                "vtiger.username", user,
                "vtiger.access-key", key,
                "vtiger.server-timezone", fixture.serverTimezone().getId(),
                "vtiger.retry.attempts", "1",
                "state.dir", work.resolve("state").toString())));
    }

    private Path demoFile() throws Exception {
        Path file = work.resolve("leads_demo.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/leads_demo.csv")) {
            Files.copy(in, file);
        }
        return file;
    }
}
