package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.it.CrmFixtures.ANA;
import static org.leadrouter.it.CrmFixtures.BEA;
import static org.leadrouter.it.CrmFixtures.CARLOS;
import static org.leadrouter.it.CrmFixtures.DANI;
import static org.leadrouter.it.CrmFixtures.leadToday;
import static org.leadrouter.it.CrmFixtures.oldLead;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;

/** The daily cap counts today's leads already in VTiger, balances the loads and defers what does not fit. */
class CapAndDeferralTest {
    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Path leads(int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(String.format("Persona%d Apellido,persona%d@example.com,6%08d,Salud,01/08/2025,Web", i, i, i));
        }
        return h.csv(lines.toArray(String[]::new));
    }

    /** Leads per owner whose createdtime is today in the server's time zone. */
    private Map<String, Long> loadToday() {
        String today = LocalDate.now(CrmFixtures.SERVER_ZONE).format(DateTimeFormatter.ISO_LOCAL_DATE);
        return h.sandbox.records("Leads").stream().filter(l -> l.get("createdtime").startsWith(today))
                .collect(Collectors.groupingBy(l -> l.get("assigned_user_id"), Collectors.counting()));
    }

    private static SandboxFixture.Builder withLoads(SandboxFixture.Builder b, String owner, int today) {
        for (int i = 0; i < today; i++) {
            b.lead(leadToday(owner, "Hoy" + owner + "_" + i));
        }
        return b;
    }

    @Test
    void advisorsNearTheCapAreToppedUpEvenlyAndTheRestIsDeferred() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        withLoads(fixture, ANA, 2);
        withLoads(fixture, BEA, 3);
        withLoads(fixture, DANI, 1);
        // yesterday's leads do not count
        for (int i = 0; i < 5; i++) {
            fixture.lead(oldLead(CARLOS, "Ayer" + i, "createdtime", "now-P1DT1H"));
        }
        h = Harness.start(fixture.build(), dir);
        h.set("allocation.daily-cap", "3");

        Harness.Run run = h.apply(leads(8));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        List<CSVRecord> report = run.report();
        assertThat(report.stream().filter(r -> r.get("Status").equals("created")).count()).isEqualTo(6);
        List<CSVRecord> deferred = report.stream().filter(r -> r.get("Status").equals("deferred")).toList();
        assertThat(deferred).hasSize(2);
        assertThat(deferred).allSatisfy(r -> {
            assertThat(r.get("Detail")).contains("cap");
            assertThat(r.get("AssignedToID")).isEmpty();
        });
        // the rows that did not fit are the last ones of the file
        assertThat(deferred).extracting(r -> r.get("Row")).containsExactly("8", "9");
        assertThat(loadToday()).containsOnly(Map.entry(ANA, 3L), Map.entry(BEA, 3L), Map.entry(CARLOS, 3L),
                Map.entry(DANI, 3L));
        assertThat(report).extracting(r -> r.get("AssignedToID")).doesNotContain(BEA);
    }

    @Test
    void loadsStayWithinOneOfEachOtherWhenTheCapIsFarAway() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        withLoads(fixture, ANA, 1);
        h = Harness.start(fixture.build(), dir);

        Harness.Run run = h.apply(leads(9));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).containsOnly("created");
        Map<String, Long> load = loadToday();
        assertThat(load.keySet()).containsExactlyInAnyOrder(ANA, BEA, CARLOS, DANI);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
        assertThat(load.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }

    @Test
    void perAdvisorCapLimitsThatAdvisorOnly() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        withLoads(fixture, CARLOS, 1);
        h = Harness.start(fixture.build(), dir);
        h.set("allocation.daily-cap", "4").set("allocation.cap.asesor.carlos", "2");

        Harness.Run run = h.apply(leads(14));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(loadToday()).containsOnly(Map.entry(ANA, 4L), Map.entry(BEA, 4L), Map.entry(CARLOS, 2L),
                Map.entry(DANI, 4L));
        assertThat(run.column("Status").stream().filter("deferred"::equals).count()).isEqualTo(1);
    }

    @Test
    void excludedAdvisorsInactiveUsersAndAdminsNeverReceiveLeads() throws Exception {
        h = Harness.start(CrmFixtures.academy().build(), dir);
        h.set("advisors.exclude", "asesor.dani");

        Harness.Run run = h.apply(leads(9));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("AssignedToID")).doesNotContain(DANI, CrmFixtures.EVA_INACTIVE,
                CrmFixtures.DIRECTOR_ADMIN, CrmFixtures.API_ID);
        assertThat(loadToday()).containsOnly(Map.entry(ANA, 3L), Map.entry(BEA, 3L), Map.entry(CARLOS, 3L));
    }

    @Test
    void everyAdvisorAtTheCapDefersTheWholeFile() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        for (String a : List.of(ANA, BEA, CARLOS, DANI)) {
            withLoads(fixture, a, 2);
        }
        h = Harness.start(fixture.build(), dir);
        h.set("allocation.daily-cap", "2");

        Harness.Run run = h.apply(leads(3));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).containsOnly("deferred");
        assertThat(run.column("Detail")).allSatisfy(d -> assertThat(d).contains("daily cap"));
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void todayIsTheMadridBusinessDayEvenWhenVtigerStoresTimesInUtc() throws Exception {
        java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");
        java.time.ZonedDateTime midnight = LocalDate.now(madrid).atStartOfDay(madrid);
        DateTimeFormatter vtiger = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        String justAfter = vtiger.format(midnight.plusMinutes(1).withZoneSameInstant(java.time.ZoneOffset.UTC));
        String justBefore = vtiger.format(midnight.minusMinutes(1).withZoneSameInstant(java.time.ZoneOffset.UTC));
        h = Harness.start(CrmFixtures.academy().serverTimezone(java.time.ZoneOffset.UTC)
                .lead(oldLead(ANA, "TrasMedianoche", "createdtime", justAfter))
                .lead(oldLead(BEA, "AntesMedianoche", "createdtime", justBefore))
                .build(), dir);
        h.set("vtiger.server-timezone", "UTC").set("allocation.timezone", "Europe/Madrid")
                .set("allocation.daily-cap", "1").set("advisors.include", "asesor.ana,asesor.bea");

        Harness.Run run = h.apply(leads(2));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).containsExactly("created", "deferred");
        assertThat(run.row(2).get("AssignedToID")).isEqualTo(BEA);
    }

    @Test
    void secondRunOfTheDayCountsTheLeadsTheFirstRunCreated() throws Exception {
        h = Harness.start(CrmFixtures.academy().build(), dir);
        h.set("allocation.daily-cap", "2");

        Harness.Run first = h.apply(leads(6));
        Harness.Run second = h.apply(h.csv(
                "Tarde Uno,tarde1@example.com,611000001,Salud,01/08/2025,Web",
                "Tarde Dos,tarde2@example.com,611000002,Salud,01/08/2025,Web",
                "Tarde Tres,tarde3@example.com,611000003,Salud,01/08/2025,Web"));

        assertThat(first.column("Status")).as(first.printed()).containsOnly("created");
        assertThat(second.column("Status")).as(second.printed()).containsExactly("created", "created", "deferred");
        assertThat(loadToday()).containsOnly(Map.entry(ANA, 2L), Map.entry(BEA, 2L), Map.entry(CARLOS, 2L),
                Map.entry(DANI, 2L));
    }

    @Test
    void leadCreatedTodayAndConvertedSinceStillCountsTowardsTheDailyCap() throws Exception {
        SandboxFixture.Builder fixture = CrmFixtures.academy();
        withLoads(fixture, ANA, 1);
        h = Harness.start(fixture.build(), dir);
        h.set("allocation.daily-cap", "2").set("advisors.include", "asesor.ana");
        Harness.Run first = h.apply(h.csv("Primera Apellido,primera@example.com,611000001,Salud,01/08/2025,Web"));
        assertThat(first.column("Status")).as(first.printed()).containsExactly("created");

        // converted since: VTiger's Leads queries no longer show it, but the journal knows it was created today
        h.sandbox.convertLead(first.column("LeadID").get(0));
        Harness.Run second = h.apply(h.csv("Segunda Apellido,segunda@example.com,611000002,Salud,01/08/2025,Web"));

        assertThat(second.column("Status")).as(second.printed()).containsExactly("deferred");
    }
}
