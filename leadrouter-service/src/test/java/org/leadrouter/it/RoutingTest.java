package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing end to end through {@code run}: pools by course and by an extra column, a weight, an absence, working days. */
class RoutingTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Madrid"));

    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @BeforeEach
    void configure() throws Exception {
        Path absences = h.write("ausencias.csv", "Asesor;Desde;Hasta;Motivo\r\nasesor.bea;" + TODAY.minusDays(1) + ";"
                + TODAY.plusDays(2) + ";Vacaciones\r\n");
        h.set("routing.pool.sanidad", "asesor.ana,asesor.bea");
        h.set("routing.pool.norte", "asesor.dani");
        h.set("routing.rule.1.course", "Enfermería|Auxiliar de Enfermería|Salud");
        h.set("routing.rule.1.pool", "sanidad");
        h.set("routing.rule.2.provincia", "Lugo|A Coruña");
        h.set("routing.rule.2.pool", "norte");
        h.set("allocation.weight.asesor.carlos", "2");
        h.set("availability.absences-file", absences.toString());
    }

    private Path file() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Nombre,Email,Teléfono,Curso Interesado,Fecha entrada,Origen del leads,Provincia");
        for (int i = 1; i <= 3; i++) {
            lines.add("Sanidad" + i + " Pérez,san" + i + "@example.com,," + (i == 1 ? " ENFERMERIA " : "Salud") + ",01/08/2025,Web,Madrid");
        }
        lines.add("Norte Uno,norte1@example.com,,Marketing,01/08/2025,Web,lugo");
        for (int i = 1; i <= 6; i++) {
            lines.add("Otro" + i + " Gómez,otro" + i + "@example.com,,Marketing,01/08/2025,Web,Sevilla");
        }
        return h.write("leads.csv", String.join("\r\n", lines) + "\r\n");
    }

    @Test
    void leadsGoToTheirPoolTheAbsentAdvisorGetsNothingAndEachDetailSaysWhy() throws Exception {
        Path input = file();
        Harness.Run dry = h.dryRun(input);
        Harness.Run applied = h.apply(input);

        assertThat(applied.exitCode()).as(applied.printed()).isZero();
        List<CSVRecord> report = applied.report();
        assertThat(report).extracting(r -> r.get("Status")).containsOnly("created");
        assertThat(report).extracting(r -> r.get("AssignedToName")).containsExactly(
                "asesor.ana", "asesor.ana", "asesor.ana", "asesor.dani",
                "asesor.carlos", "asesor.carlos", "asesor.dani", "asesor.carlos", "asesor.carlos", "asesor.dani");
        assertThat(report.get(0).get("Detail")).isEqualTo("pool sanidad (rule 1: course \"ENFERMERIA\"); asesor.ana 0→1 of 25");
        assertThat(report.get(3).get("Detail")).isEqualTo("pool norte (rule 2: provincia \"lugo\"); asesor.dani 0→1 of 25");
        assertThat(report.get(4).get("Detail")).isEqualTo("pool default (no rule matched); asesor.carlos 0→1 of 25, weight 2");
        // carlos (2 of weight 2) and dani (1 from rule 2, weight 1) both stand at 1: rotation decides
        assertThat(report.get(6).get("Detail")).isEqualTo("pool default (no rule matched); asesor.dani 1→2 of 25;"
                + " tie with asesor.carlos broken by rotation");
        assertThat(report).extracting(r -> r.get("AssignedToName")).doesNotContain("asesor.bea");
        assertThat(applied.out()).contains("Pools: default: 6 created; norte: 1 created; sanidad: 3 created");

        // dry-run computed exactly the plan that apply executed
        assertThat(dry.report()).extracting(r -> r.get("AssignedToName"))
                .isEqualTo(report.stream().map(r -> r.get("AssignedToName")).toList());
        assertThat(dry.report()).extracting(r -> r.get("Detail"))
                .isEqualTo(report.stream().map(r -> r.get("Detail")).toList());
        assertThat(dry.out()).contains("Pools: default: 6 planned; norte: 1 planned; sanidad: 3 planned");
    }

    @Test
    void onANonWorkingDayEveryLeadIsDeferredToTheNextWorkingDay() throws Exception {
        DayOfWeek today = TODAY.getDayOfWeek();
        String others = Arrays.stream(DayOfWeek.values()).filter(d -> d != today)
                .map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        h.set("allocation.working-days", others);

        Harness.Run run = h.apply(file());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.report()).extracting(r -> r.get("Status")).containsOnly("deferred");
        assertThat(run.report().get(0).get("Detail")).isEqualTo("pool sanidad (rule 1: course \"ENFERMERIA\"); " + TODAY + " ("
                + name(today) + ") is not a working day; goes out tomorrow, " + TODAY.plusDays(1) + " (" + name(today.plus(1))
                + "), first thing if there is room");
        assertThat(h.sandbox.records("Leads")).isEmpty();
        assertThat(run.out()).contains("Pools: default: 6 deferred; norte: 1 deferred; sanidad: 3 deferred");
    }

    @Test
    void aFullPoolWithoutOverflowDefersItsLeadsWhileOthersGoOn() throws Exception {
        h.set("allocation.cap.asesor.ana", "1");
        Harness.Run run = h.apply(file());
        List<CSVRecord> report = run.report();
        assertThat(report.subList(0, 3)).extracting(r -> r.get("Status")).containsExactly("created", "deferred", "deferred");
        assertThat(report.get(1).get("Detail")).isEqualTo("pool sanidad (rule 1: course \"Salud\"): every member has reached"
                + " the daily cap for " + TODAY + "; goes out tomorrow, " + TODAY.plusDays(1) + " ("
                + name(TODAY.getDayOfWeek().plus(1)) + "), first thing if there is room");

        h.set("routing.rule.1.overflow", "true");
        Harness.Run again = h.apply(h.write("mas.csv", "Nombre,Email,Curso Interesado\r\nMas Salud,mas@example.com,Salud\r\n"));
        assertThat(again.report().get(0).get("Status")).isEqualTo("created");
        assertThat(again.report().get(0).get("Detail")).startsWith("pool sanidad (rule 1: course \"Salud\"): every member has"
                + " reached the daily cap for " + TODAY + ", so overflow to pool default; ");
    }

    @Test
    void changingTheRulesAfterwardsNeverMovesOrRecreatesWhatWasCreated() throws Exception {
        Path input = file();
        Harness.Run first = h.apply(input);
        assertThat(first.report()).extracting(r -> r.get("Status")).containsOnly("created");
        int created = h.sandbox.records("Leads").size();

        h.set("routing.pool.sanidad", "asesor.carlos");
        h.set("routing.rule.2.provincia", null);
        h.set("routing.rule.2.pool", null);
        h.set("routing.pool.norte", null);
        Harness.Run again = h.apply(input);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(h.sandbox.records("Leads")).hasSize(created);
        assertThat(again.report()).extracting(r -> r.get("AssignedToName"))
                .isEqualTo(first.report().stream().map(r -> r.get("AssignedToName")).toList());
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }
}
