package org.leadrouter.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;

/** Routing by example: the pools and rules, weights, absences, working days, and the words of each Detail. */
class RoutingPlannerTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final Advisor ANA = new Advisor("19x5", "asesor.ana", "Ana", 25);
    private static final Advisor JUAN = new Advisor("19x6", "asesor.juan", "Juan", 25);
    private static final Advisor LUIS = new Advisor("19x7", "asesor.luis", "Luis", 25);
    private static final Advisor MARTA = new Advisor("19x8", "asesor.marta", "Marta", 25);
    private static final List<Advisor> TEAM = List.of(ANA, JUAN, LUIS, MARTA);

    private static RoutingRules example(boolean overflow) {
        return new RoutingRules(
                List.of(new Pool("sanidad", List.of("asesor.ana", "asesor.luis")), new Pool("eventos", List.of("asesor.marta"))),
                List.of(new RoutingRule(1, List.of(new RuleCondition("course", List.of(new ValuePattern("Enfermería"),
                                new ValuePattern("Auxiliar de Enfermería"), new ValuePattern("Salud")))), "sanidad", overflow),
                        new RoutingRule(2, List.of(new RuleCondition("source", List.of(new ValuePattern("Feria*")))), "eventos", false)));
    }

    private static LeadAttributes course(String course) {
        return LeadAttributes.of(course, "Web", Map.of());
    }

    private static RoutingDay day(LocalDate date, List<Advisor> advisors, Map<String, Integer> loads) {
        return RoutingDay.plain(date, advisors, loads, List.of());
    }

    @Test
    void nursingCoursesGoToTheSanidadPoolWhateverTheCaseAccentsAndSpaces() {
        RoutingPlanner planner = new RoutingPlanner(day(MONDAY, TEAM, Map.of("19x5", 3, "19x7", 3)), example(false), null);
        Assignment first = planner.plan(course("  ENFERMERIA "));
        assertThat(first.advisor()).contains(ANA);
        assertThat(ExplanationText.detail(first.explanation()))
                .isEqualTo("pool sanidad (rule 1: course \"  ENFERMERIA \"); asesor.ana 3→4 of 25; tie with asesor.luis broken by rotation");
        Assignment second = planner.plan(course("auxiliar de enfermería"));
        assertThat(second.advisor()).contains(LUIS);
        assertThat(ExplanationText.detail(second.explanation()))
                .isEqualTo("pool sanidad (rule 1: course \"auxiliar de enfermería\"); asesor.luis 3→4 of 25");
    }

    @Test
    void aWildcardSourceGoesToItsPoolAndEverythingElseToEveryone() {
        RoutingPlanner planner = new RoutingPlanner(day(MONDAY, TEAM, Map.of()), example(false), null);
        Assignment fair = planner.plan(LeadAttributes.of("Marketing", "Feria de Empleo Madrid", Map.of()));
        assertThat(fair.advisor()).contains(MARTA);
        assertThat(ExplanationText.detail(fair.explanation()))
                .isEqualTo("pool eventos (rule 2: source \"Feria de Empleo Madrid\"); asesor.marta 0→1 of 25");
        Assignment other = planner.plan(course("Marketing"));
        assertThat(other.explanation().pool()).isEqualTo("default");
        assertThat(ExplanationText.detail(other.explanation())).startsWith("pool default (no rule matched); asesor.ana 0→1 of 25; tie with ");
    }

    @Test
    void anyColumnOfTheFileCanRouteALead() {
        RoutingRules rules = new RoutingRules(List.of(new Pool("norte", List.of("asesor.juan"))),
                List.of(new RoutingRule(1, List.of(new RuleCondition("provincia", List.of(new ValuePattern("A Coruña"), new ValuePattern("Lugo")))), "norte", false)));
        RoutingPlanner planner = new RoutingPlanner(day(MONDAY, TEAM, Map.of()), rules, null);
        Assignment a = planner.plan(LeadAttributes.of("Salud", "Web", Map.of("Provincia", "a coruna")));
        assertThat(a.advisor()).contains(JUAN);
        assertThat(ExplanationText.detail(a.explanation())).startsWith("pool norte (rule 1: provincia \"a coruna\")");
    }

    @Test
    void aFullPoolDefersUnlessItsRuleAllowsOverflow() {
        Map<String, Integer> loads = Map.of("19x5", 25, "19x7", 25);
        Assignment kept = new RoutingPlanner(day(MONDAY, TEAM, loads), example(false), null).plan(course("Salud"));
        assertThat(kept.advisor()).isEmpty();
        assertThat(kept.explanation().pool()).isEqualTo("sanidad");
        assertThat(ExplanationText.detail(kept.explanation())).isEqualTo("pool sanidad (rule 1: course \"Salud\"): every member"
                + " has reached the daily cap for 2026-11-30; goes out tomorrow, 2026-12-01 (Tuesday), first thing if there is room");

        Assignment overflowed = new RoutingPlanner(day(MONDAY, TEAM, loads), example(true), null).plan(course("Salud"));
        assertThat(overflowed.advisor()).contains(JUAN);
        assertThat(overflowed.explanation().pool()).isEqualTo("default");
        assertThat(ExplanationText.detail(overflowed.explanation())).startsWith("pool sanidad (rule 1: course \"Salud\"): every member"
                + " has reached the daily cap for 2026-11-30, so overflow to pool default; asesor.juan 0→1 of 25");

        Map<String, Integer> everyoneFull = Map.of("19x5", 25, "19x6", 25, "19x7", 25, "19x8", 25);
        Assignment nowhere = new RoutingPlanner(day(MONDAY, TEAM, everyoneFull), example(true), null).plan(course("Salud"));
        assertThat(nowhere.advisor()).isEmpty();
        assertThat(nowhere.explanation().pool()).isEqualTo("sanidad");
        assertThat(ExplanationText.detail(nowhere.explanation())).isEqualTo("pool sanidad (rule 1: course \"Salud\"): every member"
                + " has reached the daily cap for 2026-11-30, and nobody in pool default can take it either;"
                + " goes out tomorrow, 2026-12-01 (Tuesday), first thing if there is room");
    }

    @Test
    void aDeferredLeadSaysInSpanishItsPoolAndWhenItGoesOut() {
        Map<String, Integer> loads = Map.of("19x5", 25, "19x7", 25);
        WorkingCalendar weekdays = new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        LocalDate friday = LocalDate.of(2026, 12, 4);
        Messages.use(Language.ES);
        try {
            Assignment monday = new RoutingPlanner(day(MONDAY, TEAM, loads), example(false), null).plan(course("Salud"));
            assertThat(ExplanationText.detail(monday.explanation())).isEqualTo("grupo sanidad (regla 1: curso «Salud»):"
                    + " todos sus miembros han llegado al tope diario del 2026-11-30; sale mañana, 2026-12-01 (martes),"
                    + " a primera hora si hay cupo");
            RoutingDay full = new RoutingDay(friday, weekdays, TEAM, Map.of("19x5", 25, "19x6", 25, "19x7", 25, "19x8", 25),
                    Map.of(), Absences.NONE, List.of());
            assertThat(ExplanationText.detail(new RoutingPlanner(full, RoutingRules.NONE, null).plan(course("x"))
                    .explanation())).isEqualTo("todos los asesores han llegado al tope diario del 2026-12-04; sale el"
                    + " 2026-12-07 (lunes) a primera hora si hay cupo");
            Assignment other = new RoutingPlanner(day(MONDAY, TEAM, Map.of()), example(false), null).plan(course("Idiomas"));
            assertThat(ExplanationText.detail(other.explanation())).startsWith("grupo todos (ninguna regla coincide); ");
        } finally {
            Messages.use(Language.EN);
        }
    }

    @Test
    void aPoolWithNobodyTodaySaysWhoIsMissingAndWhy() {
        RoutingDay day = new RoutingDay(MONDAY, WorkingCalendar.EVERY_DAY, List.of(ANA, JUAN, MARTA), Map.of(), Map.of(),
                new Absences(List.of(new Absence("Asesor.Ana", MONDAY.minusDays(2), MONDAY, "Vacaciones", 2))), List.of());
        Assignment a = new RoutingPlanner(day, example(false), null).plan(course("Enfermería"));
        assertThat(a.advisor()).isEmpty();
        assertThat(ExplanationText.detail(a.explanation())).isEqualTo("pool sanidad (rule 1: course \"Enfermería\"): nobody can"
                + " receive leads on 2026-11-30 (asesor.ana absent (Vacaciones), asesor.luis not an active advisor);"
                + " goes out tomorrow, 2026-12-01 (Tuesday), first thing if there is room");
    }

    @Test
    void anAbsentAdvisorReceivesNothingAndIsBackTheDayAfter() {
        Absences away = new Absences(List.of(new Absence("asesor.juan", MONDAY, MONDAY, "", 2)));
        RoutingDay monday = new RoutingDay(MONDAY, WorkingCalendar.EVERY_DAY, List.of(ANA, JUAN), Map.of(), Map.of(), away, List.of());
        RoutingPlanner planner = new RoutingPlanner(monday, RoutingRules.NONE, null);
        for (int i = 0; i < 10; i++) {
            assertThat(planner.plan(course("Salud")).advisor()).contains(ANA);
        }
        RoutingDay tuesday = new RoutingDay(MONDAY.plusDays(1), WorkingCalendar.EVERY_DAY, List.of(ANA, JUAN), Map.of(), Map.of(), away, List.of());
        assertThat(new RoutingPlanner(tuesday, RoutingRules.NONE, "asesor.ana").plan(course("Salud")).advisor()).contains(JUAN);
    }

    @Test
    void aWeightTwoAdvisorReceivesTwoLeadsForEachOneOfAWeightOne() {
        RoutingDay day = new RoutingDay(MONDAY, WorkingCalendar.EVERY_DAY, List.of(ANA, JUAN), Map.of("19x5", 2, "19x6", 1),
                Map.of("asesor.ana", Weight.parse("2")), Absences.NONE, List.of());
        RoutingPlanner planner = new RoutingPlanner(day, RoutingRules.NONE, null);
        List<String> who = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Assignment a = planner.plan(course("x"));
            who.add(a.advisor().orElseThrow().userName());
            details.add(ExplanationText.detail(a.explanation()));
        }
        assertThat(planner.loads()).containsEntry("19x5", 8).containsEntry("19x6", 4);
        assertThat(who.stream().filter("asesor.ana"::equals).count()).isEqualTo(6);
        assertThat(details).contains("pool default; asesor.ana 2→3 of 25, weight 2; tie with asesor.juan broken by rotation");
    }

    @Test
    void aLeadOnANonWorkingDayOrHolidayIsDeferredToTheNextWorkingDay() {
        WorkingCalendar weekdays = new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 12, 8)));
        RoutingDay saturday = new RoutingDay(LocalDate.of(2026, 12, 5), weekdays, TEAM, Map.of(), Map.of(), Absences.NONE, List.of());
        Assignment a = new RoutingPlanner(saturday, RoutingRules.NONE, null).plan(course("Salud"));
        assertThat(a.advisor()).isEmpty();
        assertThat(ExplanationText.detail(a.explanation()))
                .isEqualTo("2026-12-05 (Saturday) is not a working day; goes out on 2026-12-07 (Monday), first thing if there"
                        + " is room");
        RoutingDay holiday = new RoutingDay(LocalDate.of(2026, 12, 8), weekdays, TEAM, Map.of(), Map.of(), Absences.NONE, List.of());
        assertThat(ExplanationText.detail(new RoutingPlanner(holiday, example(false), null).plan(course("Salud")).explanation()))
                .isEqualTo("pool sanidad (rule 1: course \"Salud\"); 2026-12-08 (Tuesday) is not a working day;"
                        + " goes out tomorrow, 2026-12-09 (Wednesday), first thing if there is room");
    }

    @Test
    void withoutRulesEveryoneIsOnePoolAndADeferredLeadStillSaysWhenItGoes() {
        RoutingDay day = day(MONDAY, List.of(new Advisor("19x9", "asesor.small", "Small", 1)), Map.of());
        RoutingPlanner planner = new RoutingPlanner(day, RoutingRules.NONE, null);
        assertThat(ExplanationText.detail(planner.plan(course("x")).explanation())).isEqualTo("pool default; asesor.small 0→1 of 1");
        assertThat(ExplanationText.detail(planner.plan(course("x")).explanation()))
                .isEqualTo("every advisor has reached the daily cap for 2026-11-30; goes out tomorrow, 2026-12-01 (Tuesday),"
                        + " first thing if there is room");
        RoutingDay nobody = RoutingDay.plain(MONDAY, List.of(), Map.of(), List.of("no active VTiger user qualifies as an advisor"));
        assertThat(ExplanationText.detail(new RoutingPlanner(nobody, RoutingRules.NONE, null).plan(course("x")).explanation()))
                .isEqualTo("no advisor available: no active VTiger user qualifies as an advisor; goes out tomorrow,"
                        + " 2026-12-01 (Tuesday), first thing if there is room");
    }

    @Test
    void theFirstMatchingRuleWins() {
        RoutingRules rules = new RoutingRules(List.of(new Pool("a", List.of("asesor.ana")), new Pool("b", List.of("asesor.juan"))),
                List.of(new RoutingRule(2, List.of(new RuleCondition("course", List.of(new ValuePattern("*")))), "b", false),
                        new RoutingRule(1, List.of(new RuleCondition("course", List.of(new ValuePattern("Salud")))), "a", false)));
        assertThat(new RoutingPlanner(day(MONDAY, TEAM, Map.of()), rules, null).plan(course("salud")).advisor()).contains(ANA);
    }
}
