package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.MutableClock;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/** The daemon on a weekend: leads wait in their pool's queue and go out first thing on the next working day. */
class WorkingDaysTest {
    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    private static String leads(String prefix, String course, int n) {
        StringBuilder csv = new StringBuilder("Nombre;Email;Curso Interesado\n");
        for (int i = 1; i <= n; i++) {
            csv.append("Persona ").append(prefix).append(i).append(';').append(prefix).append(i).append("@example.com;")
                    .append(course).append('\n');
        }
        return csv.toString();
    }

    @Test
    void leadsOfTheWeekendGoOutOnMondayAndNotBefore() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z")); // a Saturday in Madrid
        harness.useFixture(DaemonHarness.fixture().clock(clock).build());
        harness.start(Map.of("allocation.working-days", "MON-FRI", "deferred.check-interval", "100ms",
                "routing.pool.sanidad", "asesor.ana,asesor.luis", "routing.rule.1.course", "Salud",
                "routing.rule.1.pool", "sanidad"), clock, VtigerCallListener.NONE);

        try (LogCapture log = LogCapture.of("org.leadrouter.daemon")) {
            harness.drop("sabado.csv", leads("s", "Salud", 3));
            Path saturday = harness.awaitReports(1).get(0);
            Await.until("the file's log line", Duration.ofSeconds(10), () -> log.messages(Level.INFO).stream()
                    .anyMatch(m -> m.startsWith("sabado.csv: 3 rows (deferred 3) [apply] pools: sanidad: 3 deferred;")));
            assertThat(Reports.read(saturday, ';')).extracting(r -> r.get("Status")).containsOnly("deferred");
            assertThat(Reports.read(saturday, ';').get(0).get("Detail")).isEqualTo("pool sanidad (rule 1: course \"Salud\");"
                    + " 2026-11-28 (Saturday) is not a working day; goes out on 2026-11-30 (Monday), first thing if there is room");

            clock.advance(Duration.ofDays(1));
            harness.drop("domingo.csv", leads("d", "Idiomas", 2));
            List<Path> sunday = harness.awaitReports(2);
            assertThat(sunday).noneMatch(p -> p.getFileName().toString().startsWith("deferred-leads"));
            assertThat(harness.sandbox.calls("create")).isZero();

            clock.advance(Duration.ofDays(1));
            List<Path> monday = harness.awaitReports(3);
            Path released = monday.stream().filter(p -> p.getFileName().toString().startsWith("deferred-leads")).findFirst().orElseThrow();
            List<Map<String, String>> rows = Reports.read(released, ';');
            assertThat(rows).extracting(r -> r.get("Status")).containsOnly("created").hasSize(5);
            assertThat(rows).filteredOn(r -> r.get("Detail").contains("pool sanidad (rule 1: course \"Salud\")"))
                    .extracting(r -> r.get("AssignedToName")).hasSize(3).allMatch(n -> n.equals("asesor.ana") || n.equals("asesor.luis"));
            assertThat(rows).filteredOn(r -> r.get("Detail").contains("pool default (no rule matched)")).hasSize(2);
            assertThat(harness.sandbox.calls("create")).isEqualTo(5);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.startsWith("offering 5 deferred lead(s) again (default 2, sanidad 3)"));
        }
    }
}
