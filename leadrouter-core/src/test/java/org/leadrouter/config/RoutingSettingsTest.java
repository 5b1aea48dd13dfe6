package org.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrouter.allocation.LeadAttributes;
import org.leadrouter.allocation.Weight;

/** Routing keys: pools, rules, weights, working days, holidays and the absences file; each mistake names its key. */
class RoutingSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("vtiger.url", "https://crm.example.com");
        m.put("vtiger.username", "api");
        m.put("vtiger.access-key", "s3cret");
        return m;
    }

    private static RoutingSettings routing(Map<String, String> m) {
        return Settings.from(ConfigSource.of(m)).routing();
    }

    @Test
    void withoutRoutingKeysEverythingIsTodaysBehaviour() {
        RoutingSettings r = routing(minimal());
        assertThat(r.rules().isEmpty()).isTrue();
        assertThat(r.weights()).isEmpty();
        assertThat(r.calendar().workingDays()).containsExactlyInAnyOrder(DayOfWeek.values());
        assertThat(r.absencesFile()).isEmpty();
    }

    @Test
    void theShippedExampleReads() {
        Map<String, String> m = minimal();
        m.put("routing.pool.sanidad", "asesor.ana, asesor.luis");
        m.put("routing.pool.eventos", "asesor.marta");
        m.put("routing.rule.1.course", "Enfermería|Auxiliar de Enfermería|Salud");
        m.put("routing.rule.1.pool", "sanidad");
        m.put("routing.rule.1.overflow", "true");
        m.put("routing.rule.2.source", "Feria*");
        m.put("routing.rule.2.pool", "eventos");
        m.put("routing.rule.3.provincia", "Lugo");
        m.put("routing.rule.3.Curso-Interesado", "Salud");
        m.put("routing.rule.3.pool", "eventos");
        m.put("allocation.weight.asesor.ana", "2");
        m.put("allocation.weight.asesor.becario", "0.5");
        m.put("allocation.working-days", "MON-FRI");
        m.put("allocation.holidays", "2026-12-08, 2026-12-25");
        m.put("availability.absences-file", "/srv/leads/ausencias.csv");
        RoutingSettings r = routing(m);
        assertThat(r.rules().rules()).hasSize(3);
        assertThat(r.rules().rules().get(0).overflow()).isTrue();
        assertThat(r.rules().pool("sanidad").members()).containsExactly("asesor.ana", "asesor.luis");
        assertThat(r.rules().route(LeadAttributes.of("salud", "Feria de Sevilla", Map.of())).orElseThrow().rule().number()).isEqualTo(1);
        assertThat(r.rules().route(LeadAttributes.of("Idiomas", "FERIA", Map.of())).orElseThrow().rule().pool()).isEqualTo("eventos");
        assertThat(r.rules().route(LeadAttributes.of("Salud ", "Web", Map.of("Provincia", "lugo")))
                .orElseThrow().rule().number()).isEqualTo(1);
        assertThat(r.rules().rules().get(2).conditions()).extracting(c -> c.column()).containsExactlyInAnyOrder("provincia", "course");
        assertThat(r.weights()).containsEntry("asesor.ana", Weight.parse("2")).containsEntry("asesor.becario", new Weight(500));
        assertThat(r.calendar().workingDays()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(r.calendar().isWorkingDay(LocalDate.of(2026, 12, 8))).isFalse();
        assertThat(r.calendar().nextWorkingDay(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(r.absencesFile()).contains(Path.of("/srv/leads/ausencias.csv"));
    }

    @Test
    void theLeadsOwnColumnsCanBeTestedByTheirSpanishOrEnglishNames() {
        Map<String, String> m = minimal();
        m.put("routing.pool.empresas", "asesor.ana");
        m.put("routing.rule.1.correo", "*@empresa.es");
        m.put("routing.rule.1.pool", "empresas");
        RoutingSettings r = routing(m);
        assertThat(r.rules().rules().get(0).conditions().get(0).column()).isEqualTo(LeadAttributes.EMAIL);
        LeadAttributes lead = LeadAttributes.of("Salud", "Web", Map.of());
        assertThat(r.rules().route(lead.withContact("Ana", "jefa@EMPRESA.es", "", ""))).isPresent();
        assertThat(r.rules().route(lead.withContact("Ana", "ana@gmail.com", "", ""))).isEmpty();
    }

    @Test
    void listsAndWrappingRangesOfDays() {
        Map<String, String> m = minimal();
        m.put("allocation.working-days", "SAT-MON, wed");
        assertThat(routing(m).calendar().workingDays())
                .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    }

    @Test
    void everyMistakeNamesItsKey() {
        assertBad(Map.of("routing.rule.1.course", "Salud"), "routing.rule.1.pool", "every rule needs a pool");
        assertBad(Map.of("routing.rule.1.course", "Salud", "routing.rule.1.pool", "nadie"), "routing.rule.1.pool", "'nadie'");
        assertBad(Map.of("routing.pool.x", "a", "routing.rule.1.pool", "x"), "routing.rule.1.<column>", "tests no column");
        assertBad(Map.of("routing.pool.x", "a", "routing.rule.1.course", "Salud", "routing.rule.1.pool", "x",
                "routing.rule.1.overflow", "yes"), "routing.rule.1.overflow", "true or false");
        assertBad(Map.of("routing.pool.x", " , "), "routing.pool.x", "lists no advisor");
        assertBad(Map.of("routing.pool.default", "a"), "routing.pool.default", "everyone");
        assertBad(Map.of("routing.rule.one.pool", "x"), "routing.rule.one.pool", "routing.rule.<number>");
        assertBad(Map.of("allocation.weight.asesor.ana", "-1"), "allocation.weight.asesor.ana", "between 0.001 and 1000");
        assertBad(Map.of("allocation.weight.asesor.ana", "mucho"), "allocation.weight.asesor.ana", "not a number");
        assertBad(Map.of("allocation.working-days", "LUN-VIE"), "allocation.working-days", "'LUN'");
        assertBad(Map.of("allocation.holidays", "25/12/2026"), "allocation.holidays", "yyyy-MM-dd");
    }

    private static void assertBad(Map<String, String> extra, String key, String words) {
        Map<String, String> m = minimal();
        m.putAll(extra);
        assertThatThrownBy(() -> routing(m)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
                .hasMessageContaining(words);
    }
}
