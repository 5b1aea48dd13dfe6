package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Progress of `run --apply` when the output is not a terminal: plain lines, the last one at the end; none with --quiet. */
class RunProgressTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private Path threeLeads() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales",
                "Ana Gil,ana@example.com,611223344,Salud,28/07/2025,SEO",
                "Sin Contacto,nada,12,Salud,28/07/2025,SEO",
                "Luis Sanz,luis@example.com,622334455,Salud,28/07/2025,SEO");
    }

    @Test
    void applyEndsWithAProgressLineOfEveryPlannedRow() throws Exception {
        Harness.Run run = h.apply(threeLeads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.err()).contains("3/3").contains("3 created");
        assertThat(run.out()).doesNotContain("3/3");
    }

    @Test
    void rowsLeftUnsentWhenVtigerGoesAwayAreNotCountedAsSent() throws Exception {
        h.set("vtiger.max-concurrency", "1").set("vtiger.retry.attempts", "1");
        java.util.concurrent.atomic.AtomicInteger creates = new java.util.concurrent.atomic.AtomicInteger();
        // VTiger goes away after the first create: nothing more can be sent
        h.knobs.rejectCreates(fields -> {
            if (creates.incrementAndGet() == 1) {
                h.knobs.failNext(1_000, org.leadrouter.sandbox.SandboxFaults.Failure.HTTP_503);
            }
            return false;
        }, "UNUSED", "never");

        Harness.Run run = h.apply(threeLeads());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(3);
        assertThat(h.sandbox.records("Leads")).hasSize(1);
        assertThat(run.err()).contains("1/3 rows sent, 1 created").doesNotContain("3/3").doesNotContain("2/3");
    }

    @Test
    void quietApplyShowsNoProgress() throws Exception {
        Path report = h.dir.resolve("quiet.csv");
        Harness.Run run = Harness.execute(report, "run", threeLeads().toString(), "--apply", "--quiet",
                "--output", report.toString(), "--config", h.configFile().toString());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(h.sandbox.calls("create")).isEqualTo(3);
    }

    @Test
    void dryRunHasNothingToShowProgressOf() throws Exception {
        Harness.Run run = h.dryRun(threeLeads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
