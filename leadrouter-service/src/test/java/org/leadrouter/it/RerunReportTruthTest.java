package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.sandbox.SandboxKnobs;

/**
 * Reruns of a file after trouble: every lead leadrouter created from it is reported {@code created} with its
 * LeadID, in every report of that file, and a report is never replaced by one that knows less.
 */
class RerunReportTruthTest {
    private static final int ROWS = 60;
    /** The row (spreadsheet numbering) with an email that cannot be valid, and the one already in the CRM. */
    private static final int INVALID_ROW = 12;
    private static final int CRM_DUPLICATE_ROW = 50;

    @RegisterExtension
    final Harness h = Harness.perTest(() -> CrmFixtures.academy()
            .lead(CrmFixtures.oldLead(CrmFixtures.ANA, "Existente", "email", "existente@example.com"))
            .build());

    @BeforeEach
    void eightSessions() {
        h.set("allocation.daily-cap", "100").set("vtiger.max-concurrency", "8")
                // a create left without an answer may be sent again 6 s after it was sent (the sandbox never
                // works on one longer)
                .set("vtiger.read-timeout", "2s").set("vtiger.create-settle-time", "6s");
    }

    private Path leads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            int row = i + 1;
            String email = row == INVALID_ROW ? "sin-arroba" : row == CRM_DUPLICATE_ROW ? "existente@example.com"
                    : "v" + i + "@example.com";
            String phone = row == INVALID_ROW ? "12" : String.format("6100%05d", i);
            lines.add(String.format("Persona%d Verdad,%s,%s,Salud,01/08/2025,Web", i, email, phone));
        }
        return h.csv(lines.toArray(String[]::new));
    }

    /** The leads leadrouter created (those with its import marker), by email. */
    private Map<String, String> createdInCrm() {
        return h.sandbox.records("Leads").stream()
                .filter(l -> l.getOrDefault("description", "").contains("leadrouter"))
                .collect(Collectors.toMap(l -> l.get("email"), l -> l.get("id")));
    }

    /** Each lead in VTiger is on its row as created with its id; no other row claims a lead. */
    private static void assertReportTellsWhatVtigerHas(List<CSVRecord> report, Map<String, String> inCrm) {
        List<String> wrong = new ArrayList<>();
        for (CSVRecord r : report) {
            String id = inCrm.get(r.get("Email"));
            boolean right = id != null ? r.get("Status").equals("created") && r.get("LeadID").equals(id)
                    : !r.get("Status").equals("created") && r.get("LeadID").isEmpty();
            if (!right) {
                wrong.add("row " + r.get("Row") + (id == null ? " (not in VTiger)" : " (in VTiger as " + id + ")") + ": "
                        + r.get("Status") + " [" + r.get("LeadID") + "]");
            }
        }
        assertThat(wrong).as("%d of %d report rows contradict VTiger", wrong.size(), report.size()).isEmpty();
    }

    /** Each advisor's load today as the run's summary prints it ({@code asesor.ana  +12  30/100}). */
    private static Map<String, Integer> summaryLoads(Harness.Run run) {
        Map<String, Integer> loads = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(asesor\\.\\S+)\\s+\\+\\d+\\s+(\\d+)/\\d+")
                .matcher(run.out());
        while (m.find()) {
            loads.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return loads;
    }

    /** The leads VTiger holds for each active advisor (all created today: the fixture's old lead is not). */
    private Map<String, Integer> vtigerLoads() {
        Map<String, String> names = h.sandbox.records("Users").stream()
                .filter(u -> u.get("user_name").startsWith("asesor.") && "Active".equals(u.get("status")))
                .collect(Collectors.toMap(u -> u.get("id"), u -> u.get("user_name")));
        Map<String, Integer> loads = new TreeMap<>();
        names.values().forEach(n -> loads.put(n, 0));
        h.sandbox.records("Leads").stream().filter(l -> l.getOrDefault("description", "").contains("leadrouter"))
                .forEach(l -> loads.merge(names.get(l.get("assigned_user_id")), 1, Integer::sum));
        return loads;
    }

    @Test
    void rerunWhileAnUnansweredCreateSettlesReportsEveryLeadInVtigerAsCreatedAndKeepsTheFirstReport() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        // creates take a while, so that eight are in flight; the 36th request is answered 502-like by a proxy
        h.knobs.rejectCreates(element -> {
            if (creates.incrementAndGet() == 35) {
                h.knobs.failNext("create", 1, SandboxKnobs.Failure.HTTP_503);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }, "UNUSED", "never");
        Path csv = leads();
        Path report = h.dir.resolve("leads_asignados.csv");

        Harness.Run first = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.configFile().toString());
        assertThat(first.exitCode()).as(first.printed()).isEqualTo(3);
        Map<String, String> inCrm = createdInCrm();
        assertThat(inCrm).hasSizeBetween(30, ROWS - 3);
        String firstReport = first.reportText();
        assertReportTellsWhatVtigerHas(first.report(), inCrm);

        // at once, while VTiger may still be working on the unanswered create: nothing is sent, all is told
        Harness.Run rerun = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.configFile().toString());

        assertThat(rerun.exitCode()).as(rerun.printed()).isEqualTo(3);
        assertThat(createdInCrm()).isEqualTo(inCrm);
        Path beside = h.dir.resolve("leads_asignados-2.csv");
        Harness.Run stopped = new Harness.Run(rerun.exitCode(), rerun.out(), rerun.err(),
                Files.exists(beside) ? beside : report);
        assertReportTellsWhatVtigerHas(stopped.report(), inCrm);
        assertThat(first.reportText()).as("the first run's report is kept").isEqualTo(firstReport);
        assertThat(rerun.out()).contains(beside.toString());
        assertThat(stopped.row(INVALID_ROW).get("Status")).isEqualTo("invalid");
        assertThat(stopped.row(CRM_DUPLICATE_ROW).get("Status")).isEqualTo("duplicate");
        for (CSVRecord was : first.report()) {
            CSVRecord now = stopped.row(Integer.parseInt(was.get("Row")));
            if (!was.get("Status").startsWith("error")) {
                assertThat(now.get("Status")).as("row %s knew more before", was.get("Row")).isEqualTo(was.get("Status"));
                assertThat(now.get("LeadID")).as("row %s", was.get("Row")).isEqualTo(was.get("LeadID"));
            }
        }

        Thread.sleep(6_500); // the settle time: the unanswered create may now be sent again
        Harness.Run last = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.configFile().toString());

        assertThat(last.exitCode()).as(last.printed()).isZero();
        Map<String, String> finallyInCrm = createdInCrm();
        assertThat(finallyInCrm).hasSize(ROWS - 2).containsAllEntriesOf(inCrm);
        assertThat(h.sandbox.records("Leads")).extracting(l -> l.get("email")).doesNotHaveDuplicates();
        assertReportTellsWhatVtigerHas(last.report(), finallyInCrm);
        assertThat(last.row(INVALID_ROW).get("Status")).isEqualTo("invalid");
        assertThat(last.row(CRM_DUPLICATE_ROW).get("Status")).isEqualTo("duplicate");
        // the resumed run's summary counts each lead once: what VTiger holds per advisor
        assertThat(summaryLoads(last)).as(last.printed()).isEqualTo(vtigerLoads());
    }

    @Test
    void rerunWhileVtigerIsDownNeverReplacesTheReportOfTheRunBefore() throws Exception {
        Path csv = leads();
        Path report = h.dir.resolve("leads_asignados.csv");
        Harness.Run first = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.configFile().toString());
        assertThat(first.exitCode()).as(first.printed()).isZero();
        String firstReport = first.reportText();

        h.knobs.failNext(10_000, SandboxKnobs.Failure.HTTP_503);
        Harness.Run down = Harness.execute(report, "run", csv.toString(), "--apply", "--output", report.toString(),
                "--config", h.configFile().toString());

        assertThat(down.exitCode()).as(down.printed()).isNotZero();
        assertThat(first.reportText()).isEqualTo(firstReport);
    }

    @Test
    void rerunOfAFinishedFileWhoseAnswersWereGarbledReportsItsOwnLeadsAsCreated() throws Exception {
        // VTiger stores the lead, then the answer is lost (HTTP 500 after the insert): found by its marker
        h.knobs.loseAnswers("create", 5);
        Path csv = leads();
        Harness.Run first = h.apply(csv);
        assertThat(first.exitCode()).as(first.printed()).isZero();
        Map<String, String> inCrm = createdInCrm();
        assertThat(inCrm).hasSize(ROWS - 2);
        assertReportTellsWhatVtigerHas(first.report(), inCrm);

        Harness.Run again = h.apply(csv);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(h.sandbox.calls("create")).isEqualTo(ROWS - 2);
        assertReportTellsWhatVtigerHas(again.report(), inCrm);
        assertThat(again.row(2).get("Detail")).contains("already processed");
        assertThat(again.row(INVALID_ROW).get("Status")).isEqualTo("invalid");
        assertThat(again.row(CRM_DUPLICATE_ROW).get("Status")).isEqualTo("duplicate");
    }

    @Test
    void rerunAfterTheStateWasLostReportsTheLeadsLeadrouterCreatedAsCreated() throws Exception {
        Path csv = leads();
        Harness.Run first = h.apply(csv);
        assertThat(first.exitCode()).as(first.printed()).isZero();

        h.set("state.dir", Files.createDirectories(h.dir.resolve("another-state")).toString());
        Harness.Run again = h.apply(csv);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(h.sandbox.calls("create")).isEqualTo(ROWS - 2);
        assertReportTellsWhatVtigerHas(again.report(), createdInCrm());
        assertThat(again.column("LeadID")).isEqualTo(first.column("LeadID"));
    }
}
