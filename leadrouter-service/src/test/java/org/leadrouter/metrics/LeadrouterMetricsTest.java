package org.leadrouter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.BusinessDay;
import org.leadrouter.pipeline.BatchFixture;
import org.leadrouter.batch.Mode;
import org.leadrouter.allocation.Roster;

class LeadrouterMetricsTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Advisor ANA = new Advisor("19x7", "asesor.ana", "Ana López", 25);
    private static final Advisor JUAN = new Advisor("19x6", "asesor.juan", "Juan García", 10);
    private static final Advisor LUIS = new Advisor("19x8", "asesor.luis", "Luis Fernández", 5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LeadrouterMetrics metrics = new LeadrouterMetrics(registry);

    @Test
    void vtigerCallsAreTimedByOperationAndOutcome() {
        metrics.called("login", "ok", Duration.ofMillis(40));
        metrics.called("query", "ok", Duration.ofMillis(120));
        metrics.called("query", "ok", Duration.ofMillis(80));
        metrics.called("create", "ACCESS_DENIED", Duration.ofMillis(30));
        metrics.called("getchallenge", "unavailable", Duration.ofSeconds(10));

        assertThat(registry.get("leadrouter.vtiger.calls").tags("operation", "query", "outcome", "ok").timer().count()).isEqualTo(2);
        assertThat(registry.get("leadrouter.vtiger.calls").tags("operation", "query", "outcome", "ok").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(200.0);
        assertThat(registry.scrape())
                .contains("leadrouter_vtiger_calls_seconds_count{operation=\"create\",outcome=\"ACCESS_DENIED\"} 1")
                .contains("leadrouter_vtiger_calls_seconds_count{operation=\"getchallenge\",outcome=\"unavailable\"} 1")
                .contains("leadrouter_vtiger_calls_seconds_sum{operation=\"login\",outcome=\"ok\"} 0.04");
    }

    @Test
    void finishedFilesAreCountedByOutcome() {
        metrics.fileFinished(LeadrouterMetrics.FILE_PROCESSED);
        metrics.fileFinished("processed");
        metrics.fileFinished("error");
        metrics.fileFinished("retry");
        metrics.fileFinished("already-processed");

        assertThat(registry.scrape())
                .contains("leadrouter_files_total{outcome=\"processed\"} 2")
                .contains("leadrouter_files_total{outcome=\"error\"} 1")
                .contains("leadrouter_files_total{outcome=\"retry\"} 1")
                .contains("leadrouter_files_total{outcome=\"already-processed\"} 1");
    }

    @Test
    void aMistypedFileOutcomeIsRefusedInsteadOfStartingANewSeries() {
        assertThatThrownBy(() -> metrics.fileFinished("Processed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Processed");
        assertThat(registry.find("leadrouter.files").counters()).isEmpty();
    }

    @Test
    void aDryRunBatchCountsPlannedLeadsPerAdvisorAndWhatTheyCanStillReceive() {
        Roster roster = roster(List.of(ANA, JUAN, LUIS), Map.of("19x7", 3, "19x6", 9, "19x8", 7));
        metrics.batchFinished(BatchFixture.of(Mode.DRY_RUN).roster(roster)
                .planned(ANA).planned(ANA).planned(JUAN).duplicate().invalid().deferred().build());

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("leadrouter_leads_total{pool=\"default\",status=\"planned\"} 3")
                .contains("leadrouter_leads_total{pool=\"none\",status=\"duplicate\"} 1")
                .contains("leadrouter_leads_total{pool=\"none\",status=\"invalid\"} 1")
                .contains("leadrouter_leads_total{pool=\"default\",status=\"deferred\"} 1")
                .contains("leadrouter_leads_by_advisor_total{advisor=\"asesor.ana\",status=\"planned\"} 2")
                .contains("leadrouter_leads_by_advisor_total{advisor=\"asesor.juan\",status=\"planned\"} 1")
                // 25 - (3 + 2); 10 - (9 + 1); Luis already had 7 of 5 today, assigned by hand: nothing left, not -2.
                .contains("leadrouter_advisor_remaining_capacity{advisor=\"asesor.ana\"} 20")
                .contains("leadrouter_advisor_remaining_capacity{advisor=\"asesor.juan\"} 0")
                .contains("leadrouter_advisor_remaining_capacity{advisor=\"asesor.luis\"} 0")
                .doesNotContain("status=\"created\"")
                .doesNotContain("status=\"pending\"");
    }

    @Test
    void appliedBatchesAddUpCreatedLeadsAndErrors() {
        Roster roster = roster(List.of(ANA, JUAN), Map.of());
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).roster(roster).created(ANA).created(JUAN).failed("ACCESS_DENIED: no").build());
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).roster(roster(List.of(ANA, JUAN), Map.of("19x7", 1, "19x6", 1)))
                .created(ANA).build());

        assertThat(registry.get("leadrouter.leads").tag("status", "created").counter().count()).isEqualTo(3);
        assertThat(registry.get("leadrouter.leads").tag("status", "error").counter().count()).isEqualTo(1);
        assertThat(registry.get("leadrouter.leads.by.advisor").tags("advisor", "asesor.ana", "status", "created").counter().count())
                .isEqualTo(2);
        // The second roster already counts the first batch's leads in today's load.
        assertThat(registry.get("leadrouter.advisor.remaining.capacity").tag("advisor", "asesor.ana").gauge().value()).isEqualTo(23);
        assertThat(registry.get("leadrouter.advisor.remaining.capacity").tag("advisor", "asesor.juan").gauge().value()).isEqualTo(9);
    }

    @Test
    void aBatchThatNeverNeededVtigerCountsRowsAndLeavesCapacityAsItWas() {
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).roster(roster(List.of(ANA), Map.of("19x7", 5))).created(ANA).build());
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).invalid().duplicate().build());

        assertThat(registry.get("leadrouter.leads").tag("status", "invalid").counter().count()).isEqualTo(1);
        assertThat(registry.get("leadrouter.advisor.remaining.capacity").tag("advisor", "asesor.ana").gauge().value()).isEqualTo(19);
    }

    @Test
    void anAdvisorWhoLeftTheRosterNoLongerAdvertisesCapacity() {
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).roster(roster(List.of(ANA, JUAN), Map.of())).created(JUAN).build());
        metrics.batchFinished(BatchFixture.of(Mode.APPLY).roster(roster(List.of(ANA), Map.of())).created(ANA).build());

        assertThat(registry.find("leadrouter.advisor.remaining.capacity").tag("advisor", "asesor.juan").gauge()).isNull();
        assertThat(registry.scrape()).contains("leadrouter_advisor_remaining_capacity{advisor=\"asesor.ana\"} 24")
                .doesNotContain("leadrouter_advisor_remaining_capacity{advisor=\"asesor.juan\"}")
                // What Juan received stays counted.
                .contains("leadrouter_leads_by_advisor_total{advisor=\"asesor.juan\",status=\"created\"} 1");
    }

    @Test
    void theDeferredQueueGaugeReadsTheQueueWhenScraped() {
        AtomicInteger queue = new AtomicInteger(4);
        metrics.deferredQueue(queue::get);
        assertThat(registry.scrape()).contains("leadrouter_deferred_queue_size 4");
        queue.set(1);
        assertThat(registry.scrape()).contains("leadrouter_deferred_queue_size 1");
    }

    private static Roster roster(List<Advisor> advisors, Map<String, Integer> load) {
        return new Roster(BusinessDay.of(LocalDate.of(2026, 3, 2), MADRID, MADRID), advisors, load, Map.of(), List.of());
    }
}
