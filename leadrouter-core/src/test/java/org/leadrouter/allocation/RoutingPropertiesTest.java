package org.leadrouter.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Routing's promises on random days, rosters, pools, rules, weights and absences (seeded: failures repeat). */
class RoutingPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final List<String> COURSES = List.of("Enfermería", "Auxiliar de Enfermería", "Salud", "Marketing",
            "Idiomas", "");
    private static final List<String> WEIGHTS = List.of("0.5", "1", "1", "1.5", "2", "3");

    /** One random situation: the day, the rules and the leads. */
    record Scenario(RoutingDay day, RoutingRules rules, String lastPicked, List<LeadAttributes> leads) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.longs().map(RoutingPropertiesTest::scenario);
    }

    /** Every lead matches one rule whose pool has no overflow: the pool's members share by weight. */
    @Provide
    Arbitrary<Scenario> onePool() {
        return Arbitraries.longs().map(seed -> {
            Scenario s = scenario(seed);
            Random random = new Random(seed);
            List<String> members = new ArrayList<>();
            for (Advisor a : s.day().advisors()) {
                if (members.isEmpty() || random.nextBoolean()) {
                    members.add(a.userName());
                }
            }
            RoutingRules rules = new RoutingRules(List.of(new Pool("p", members)), List.of(new RoutingRule(1,
                    List.of(new RuleCondition(LeadAttributes.COURSE, List.of(new ValuePattern("*")))), "p", false)));
            List<LeadAttributes> leads = new ArrayList<>();
            for (int i = random.nextInt(300); i > 0; i--) {
                leads.add(LeadAttributes.of("Curso " + i, "", Map.of()));
            }
            RoutingDay working = new RoutingDay(TODAY, WorkingCalendar.EVERY_DAY, s.day().advisors(), s.day().loadToday(),
                    s.day().weights(), s.day().absences(), List.of());
            return new Scenario(working, rules, s.lastPicked(), leads);
        });
    }

    @Property(tries = 300, seed = "9001")
    void nobodyEverGoesOverTheirCap(@ForAll("scenarios") Scenario s) {
        Map<String, Integer> end = new RoutingPlanner(s.day(), s.rules(), s.lastPicked()).loadsAfter(s.leads());
        for (Advisor a : s.day().advisors()) {
            int start = s.day().loadToday().getOrDefault(a.id(), 0);
            assertThat(end.get(a.id()) == start || end.get(a.id()) <= a.dailyCap()).as("cap of %s", a.userName()).isTrue();
        }
    }

    @Property(tries = 300, seed = "9002")
    void weightedLoadsEndWithinOneLeadsWeightInAPool(@ForAll("onePool") Scenario s) {
        RoutingPlanner planner = new RoutingPlanner(s.day(), s.rules(), s.lastPicked());
        planner.planAll(s.leads());
        Map<String, Integer> end = planner.loads();
        Set<String> absent = s.day().absences().on(TODAY).keySet();
        List<Advisor> members = s.day().advisors().stream()
                .filter(a -> s.rules().pool("p").members().contains(a.userName()) && !absent.contains(a.userName())).toList();
        for (Advisor a : members) {
            int start = s.day().loadToday().getOrDefault(a.id(), 0);
            if (end.get(a.id()) == start) {
                continue;
            }
            long wa = s.day().weightOf(a.userName()).thousandths();
            for (Advisor b : members) {
                if (end.get(b.id()) < b.dailyCap()) {
                    long wb = s.day().weightOf(b.userName()).thousandths();
                    // (load(a) - 1) / w(a) <= load(b) / w(b): a was never picked while b was weighted-lighter
                    assertThat((end.get(a.id()) - 1L) * wb).as("%s against %s", a.userName(), b.userName())
                            .isLessThanOrEqualTo(end.get(b.id()) * wa);
                }
            }
        }
    }

    @Property(tries = 300, seed = "9003")
    void absentAdvisorsAndNonWorkingDaysGetNothing(@ForAll("scenarios") Scenario s) {
        List<Assignment> plan = new RoutingPlanner(s.day(), s.rules(), s.lastPicked()).planAll(s.leads());
        Set<String> absent = s.day().absences().on(TODAY).keySet();
        for (Assignment a : plan) {
            a.advisor().ifPresent(advisor -> {
                assertThat(s.day().workingDay()).as("a lead given out on a non-working day").isTrue();
                assertThat(absent).doesNotContain(advisor.userName());
            });
            if (!s.day().workingDay()) {
                assertThat(((Explanation.Deferred) a.explanation()).reason()).isEqualTo(Explanation.Reason.NON_WORKING_DAY);
            }
        }
    }

    @Property(tries = 300, seed = "9004")
    void aLeadGoesOnlyToAMemberOfItsPoolOrOverflowsToTheDefaultPool(@ForAll("scenarios") Scenario s) {
        List<Assignment> plan = new RoutingPlanner(s.day(), s.rules(), s.lastPicked()).planAll(s.leads());
        for (int i = 0; i < plan.size(); i++) {
            Assignment a = plan.get(i);
            if (a.advisor().isEmpty()) {
                continue;
            }
            var match = s.rules().route(s.leads().get(i));
            String user = a.advisor().get().userName();
            if (match.isPresent()) {
                boolean member = s.rules().pool(match.get().rule().pool()).members().contains(user);
                assertThat(member || match.get().rule().overflow()).as("lead %d to %s", i, user).isTrue();
                assertThat(a.explanation().pool()).isEqualTo(member && ((Explanation.Assigned) a.explanation()).overflowFrom() == null
                        ? match.get().rule().pool() : Pool.DEFAULT);
            } else {
                assertThat(a.explanation().pool()).isEqualTo(Pool.DEFAULT);
            }
        }
    }

    @Property(tries = 200, seed = "9005")
    void theSameInputsGiveTheSamePlan(@ForAll("scenarios") Scenario s) {
        List<Advisor> shuffled = new ArrayList<>(s.day().advisors());
        Collections.shuffle(shuffled, new Random(shuffled.size()));
        RoutingDay sameDay = new RoutingDay(s.day().date(), s.day().calendar(), shuffled, s.day().loadToday(),
                s.day().weights(), s.day().absences(), s.day().rosterNotes());
        List<String> first = texts(new RoutingPlanner(s.day(), s.rules(), s.lastPicked()).planAll(s.leads()));
        List<String> second = texts(new RoutingPlanner(sameDay, s.rules(), s.lastPicked()).planAll(s.leads()));
        assertThat(second).isEqualTo(first);
    }

    private static List<String> texts(List<Assignment> plan) {
        return plan.stream().map(a -> a.advisor().map(Advisor::userName).orElse("-") + " " + ExplanationText.detail(a.explanation())).toList();
    }

    private static Scenario scenario(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(8);
        List<Advisor> advisors = new ArrayList<>();
        Map<String, Integer> loads = new HashMap<>();
        Map<String, Weight> weights = new HashMap<>();
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Advisor a = new Advisor("19x" + (10 + i), "user" + i, "User " + i, random.nextInt(30));
            advisors.add(a);
            loads.put(a.id(), random.nextInt(30));
            weights.put(a.userName(), Weight.parse(WEIGHTS.get(random.nextInt(WEIGHTS.size()))));
            if (random.nextInt(4) == 0) {
                LocalDate from = TODAY.minusDays(random.nextInt(3));
                absences.add(new Absence(a.userName(), from, from.plusDays(random.nextInt(4)), "", i + 2));
            }
        }
        List<Pool> pools = new ArrayList<>();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            List<String> members = new ArrayList<>();
            for (Advisor a : advisors) {
                if (random.nextInt(3) == 0) {
                    members.add(a.userName());
                }
            }
            if (random.nextInt(5) == 0) {
                members.add("someone.unknown");
            }
            pools.add(new Pool("pool" + p, members));
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int r = 1; r <= random.nextInt(4); r++) {
            String course = COURSES.get(random.nextInt(COURSES.size() - 1));
            rules.add(new RoutingRule(r, List.of(new RuleCondition(LeadAttributes.COURSE,
                    List.of(new ValuePattern(random.nextBoolean() ? course : course.substring(0, 3) + "*")))),
                    pools.get(random.nextInt(pools.size())).name(), random.nextBoolean()));
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (random.nextInt(5) == 0) {
            days.remove(TODAY.getDayOfWeek());
        }
        Set<LocalDate> holidays = new HashSet<>();
        if (random.nextInt(10) == 0) {
            holidays.add(TODAY);
        }
        List<LeadAttributes> leads = new ArrayList<>();
        for (int i = random.nextInt(200); i > 0; i--) {
            String course = COURSES.get(random.nextInt(COURSES.size()));
            leads.add(LeadAttributes.of(random.nextBoolean() ? course.toUpperCase() : " " + course + " ", "Web", Map.of()));
        }
        RoutingDay day = new RoutingDay(TODAY, new WorkingCalendar(days, holidays), advisors, loads, weights,
                new Absences(absences), List.of());
        return new Scenario(day, new RoutingRules(pools, rules), random.nextBoolean() ? "user" + random.nextInt(n) : null, leads);
    }
}
