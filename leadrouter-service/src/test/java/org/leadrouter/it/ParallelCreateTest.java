package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.app.Leadrouter;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.journal.JournalRow;
import org.leadrouter.journal.JournalStatus;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.batch.Mode;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.SandboxFaults;
import org.leadrouter.vtiger.CallCounter;

/** Creates in flight at once over several VTiger sessions ({@code vtiger.max-concurrency}): same outcome, sooner. */
class ParallelCreateTest {
    private static final int ROWS = 40;

    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);
    /** Creates VTiger is working on right now, and the most seen at once. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger createsSeen = new AtomicInteger();

    @BeforeEach
    void configure() throws Exception {
        h.set("allocation.daily-cap", "100");
    }

    private Path leads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            lines.add(String.format("Persona%d Prueba,p%d@example.com,6000%05d,Salud,01/08/2025,Web", i, i, i));
        }
        return h.csv(lines.toArray(String[]::new));
    }

    /** Each create takes VTiger a while; {@code then} runs when the n-th create arrives. */
    private void slowCreates(long millis, int n, Runnable then) {
        h.knobs.rejectCreates(element -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                if (createsSeen.incrementAndGet() == n) {
                    then.run();
                }
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return false;
        }, "UNUSED", "never");
    }

    private List<Map<String, String>> leadsInCrm() {
        return h.sandbox.records("Leads").stream()
                .filter(l -> l.getOrDefault("description", "").contains("leadrouter")).toList();
    }

    /** Every created row of the report names the lead VTiger holds for that row's email, and no lead exists twice. */
    private void assertReportMatchesCrm(Harness.Run run) throws Exception {
        Map<String, String> idByEmail = leadsInCrm().stream()
                .collect(Collectors.toMap(l -> l.get("email"), l -> l.get("id")));
        assertThat(leadsInCrm()).extracting(l -> l.get("email")).doesNotHaveDuplicates();
        List<String> emails = run.column("Email");
        List<String> ids = run.column("LeadID");
        List<String> statuses = run.column("Status");
        for (int i = 0; i < emails.size(); i++) {
            if (statuses.get(i).equals("created")) {
                assertThat(ids.get(i)).as("row %d", i + 2).isEqualTo(idByEmail.get(emails.get(i)));
            } else {
                assertThat(idByEmail).as("row %d (%s)", i + 2, statuses.get(i)).doesNotContainKey(emails.get(i));
            }
        }
    }

    @Test
    void createsGoOutOverSeveralSessionsAtOnceAndTheReportKeepsTheFileOrder() throws Exception {
        slowCreates(30, -1, () -> { });

        Harness.Run run = h.apply(leads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).hasSize(ROWS).containsOnly("created");
        assertThat(run.column("Email")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, ROWS).mapToObj(i -> "p" + i + "@example.com").toList());
        assertReportMatchesCrm(run);
        assertThat(leadsInCrm()).hasSize(ROWS);
        assertThat(h.sandbox.calls("create")).isEqualTo(ROWS);
        // the default is 4 sessions: several creates were in VTiger's hands at once, never more than 4
        assertThat(mostInFlight.get()).isBetween(2, 4);
        assertThat(h.sandbox.calls("login")).isBetween(2, 4);
    }

    @Test
    void concurrencyOneSendsOneCreateAtATimeOnOneSession() throws Exception {
        h.set("vtiger.max-concurrency", "1");
        slowCreates(5, -1, () -> { });

        Harness.Run run = h.apply(leads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertReportMatchesCrm(run);
        assertThat(leadsInCrm()).hasSize(ROWS);
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(h.sandbox.calls("login")).isEqualTo(1);
        assertThat(h.sandbox.calls("getchallenge")).isEqualTo(1);
    }

    @Test
    void sessionsDroppedInTheMiddleOfParallelCreatesAreRenewedAndEachLeadIsCreatedOnce() throws Exception {
        slowCreates(20, 10, () -> h.sandbox.expireAllSessions());

        Harness.Run run = h.apply(leads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).containsOnly("created");
        assertReportMatchesCrm(run);
        assertThat(leadsInCrm()).hasSize(ROWS);
        // at most 4 sessions before, and at most 4 renewed after
        assertThat(h.sandbox.calls("login")).isBetween(3, 8);
    }

    @Test
    void aRowRefusedAmongParallelCreatesIsAnErrorAndTheOthersAreCreated() throws Exception {
        h.knobs.rejectCreates(element -> "p17@example.com".equals(element.get("email")),
                "ACCESS_DENIED", "Permission to perform the operation is denied");

        Harness.Run run = h.apply(leads());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(1);
        assertThat(run.row(18).get("Status")).isEqualTo("error: Permission to perform the operation is denied");
        assertThat(run.column("Status").stream().filter("created"::equals).count()).isEqualTo(ROWS - 1);
        assertReportMatchesCrm(run);
    }

    @Test
    void vtigerGoingDownDuringParallelCreatesStopsTheRunAndARerunCreatesTheRestOnce() throws Exception {
        slowCreates(20, 12, () -> {
            h.knobs.failNext(100_000, SandboxFaults.Failure.HTTP_503);
        });
        Path csv = leads();

        // an HTTP 503 to a create may come after VTiger stored it: its row is sent again only after the settle time
        h.set("vtiger.read-timeout", "1s").set("vtiger.create-settle-time", "2s");
        Harness.Run broken = h.apply(csv);

        assertThat(broken.exitCode()).as(broken.printed()).isEqualTo(3);
        long created = broken.column("Status").stream().filter("created"::equals).count();
        assertThat(created).isLessThan(ROWS);
        assertThat(broken.column("Status")).allSatisfy(s -> assertThat(s).matches("created|error: .*"));
        // what VTiger holds is what the report says was created (the create that was in its hands counts)
        assertThat(leadsInCrm().size()).isBetween((int) created, (int) created + 4);

        h.knobs.reset();
        Thread.sleep(2_500); // the settle time of the creates whose answers were lost
        Harness.Run rerun = h.apply(csv);

        assertThat(rerun.exitCode()).as(rerun.printed()).isZero();
        assertThat(rerun.column("Status")).containsOnly("created");
        assertReportMatchesCrm(rerun);
        assertThat(leadsInCrm()).hasSize(ROWS);
    }

    @Test
    void aStopRequestedDuringParallelCreatesLetsTheCreatesInFlightFinishAndBeginsNoOther() throws Exception {
        Settings settings = Settings.from(ConfigSource.of(Map.of(
                "vtiger.url", h.sandbox.baseUrl().toString(),
                "vtiger.username", CrmFixtures.API_USER,
                "vtiger.access-key", CrmFixtures.ACCESS_KEY,
                "vtiger.server-timezone", CrmFixtures.SERVER_ZONE.getId(),
                "state.dir", h.stateDir.toString(),
                "allocation.daily-cap", "100")));
        Path csv = leads();
        try (Leadrouter app = Leadrouter.start(settings, Clock.systemUTC(), new CallCounter())) {
            slowCreates(40, 8, () -> app.shutdown().request());

            DistributionResult result = app.distribute(new DistributionRequest(csv, Mode.APPLY, h.dir.resolve("stopped.csv")));

            assertThat(result.failure()).isInstanceOf(ShutdownSignal.StopRequested.class);
            Map<Integer, JournalRow> journalled = app.journal().rows(result.batch().contentHash());
            int created = (int) result.batch().count(org.leadrouter.batch.RowStatus.CREATED);
            // every create that had begun finished: VTiger holds exactly the leads the journal and the batch created
            assertThat(journalled.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo(JournalStatus.CREATED));
            assertThat(journalled).hasSize(created);
            assertThat(leadsInCrm()).hasSize(created);
            assertThat(created).isBetween(8, ROWS - 1);
        }
    }
}
