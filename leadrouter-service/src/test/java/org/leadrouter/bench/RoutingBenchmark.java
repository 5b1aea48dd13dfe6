package org.leadrouter.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.leadrouter.allocation.Absence;
import org.leadrouter.allocation.Absences;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.Assignment;
import org.leadrouter.allocation.ExplanationText;
import org.leadrouter.allocation.LeadAttributes;
import org.leadrouter.allocation.Pool;
import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.allocation.RoutingPlanner;
import org.leadrouter.allocation.RoutingRule;
import org.leadrouter.allocation.RoutingRules;
import org.leadrouter.allocation.RuleCondition;
import org.leadrouter.allocation.ValuePattern;
import org.leadrouter.allocation.Weight;
import org.leadrouter.allocation.WorkingCalendar;

/**
 * Benchmark of routing alone (the pure planner the pipeline uses, with each row's {@code Detail} text): 100,000
 * leads over 50 advisors, 20 rules and 10 absences. Prints time, leads per second, peak heap and the heap the plan
 * holds. Arguments: [leads=100000] [seed=42] [repetitions=3].
 */
public final class RoutingBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String[] COURSES = {"Enfermería", "Auxiliar de Enfermería", "Salud", "Farmacia", "Electricidad",
        "Fontanería", "Marketing Digital", "Administración", "Estética", "Peluquería", "Idiomas", "Inglés B2",
        "Programación", "Ciberseguridad", "Contabilidad", "Logística", "Cocina", "Turismo", "Educación Infantil", "Dietética"};
    private static final String[] SOURCES = {"Web", "SEO", "Facebook", "Instagram", "Portales", "Campaña Google",
        "Feria de Empleo Sevilla", "Feria del Estudiante", "Referido", "Llamada"};
    private static final String[] PROVINCES = {"Madrid", "Sevilla", "Lugo", "A Coruña", "Valencia", "Málaga", "Bizkaia",
        "Zaragoza", "Murcia", "Cádiz"};

    private RoutingBenchmark() {
    }

    public static void main(String[] args) {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Random random = new Random(seed);

        List<Advisor> advisors = new ArrayList<>();
        Map<String, Integer> loads = new HashMap<>();
        Map<String, Weight> weights = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            Advisor a = new Advisor("19x" + (100 + i), "asesor." + i, "Asesor " + i, 1_500 + random.nextInt(1_500));
            advisors.add(a);
            loads.put(a.id(), random.nextInt(30));
            if (i % 5 == 0) {
                weights.put(a.userName(), Weight.parse(i % 10 == 0 ? "2" : "0.5"));
            }
        }
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LocalDate from = TODAY.minusDays(random.nextInt(5));
            absences.add(new Absence("asesor." + (i * 5 + 1), from, from.plusDays(random.nextInt(10)), "Vacaciones", i + 2));
        }
        List<Pool> pools = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < 3 + random.nextInt(6); m++) {
                members.add("asesor." + random.nextInt(50));
            }
            pools.add(new Pool("pool" + p, members));
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            List<RuleCondition> conditions = new ArrayList<>();
            switch (r % 4) {
                case 0 -> conditions.add(new RuleCondition("source", List.of(new ValuePattern("Feria*"), new ValuePattern("Referido"))));
                case 1 -> conditions.add(new RuleCondition("course", List.of(new ValuePattern(COURSES[r % 20]),
                        new ValuePattern(COURSES[(r + 7) % 20]), new ValuePattern(COURSES[(r + 13) % 20]))));
                case 2 -> conditions.add(new RuleCondition("provincia", List.of(new ValuePattern(PROVINCES[r % 10]))));
                default -> {
                    conditions.add(new RuleCondition("course", List.of(new ValuePattern(COURSES[r % 20].substring(0, 4) + "*"))));
                    conditions.add(new RuleCondition("idioma", List.of(new ValuePattern("Inglés"), new ValuePattern("Francés"))));
                }
            }
            rules.add(new RoutingRule(r, conditions, "pool" + (r % 10), r % 3 == 0));
        }
        RoutingRules routing = new RoutingRules(pools, rules);
        RoutingDay day = new RoutingDay(TODAY, WorkingCalendar.EVERY_DAY, advisors, loads, weights, new Absences(absences), List.of());
        long leadSeed = random.nextLong();
        System.out.printf(Locale.ROOT, "routing benchmark: %,d leads, %d advisors, %d rules, %d pools, %d absences (%d in force today),"
                + " seed %d, max heap %d MB%n", leads, advisors.size(), rules.size(), pools.size(), absences.size(),
                day.absences().on(TODAY).size(), seed, Runtime.getRuntime().maxMemory() / 1048576);

        for (int rep = 1; rep <= repetitions; rep++) {
            List<LeadAttributes> input = leads(leads, new Random(leadSeed)); // fresh each time: nothing folded yet
            System.gc();
            long before = usedHeap();
            HeapPeak.reset();
            long start = System.nanoTime();
            RoutingPlanner planner = new RoutingPlanner(day, routing, null);
            List<Assignment> plan = planner.planAll(input);
            long planned = System.nanoTime();
            List<String> details = new ArrayList<>(plan.size());
            for (Assignment a : plan) {
                details.add(ExplanationText.detail(a.explanation()));
            }
            long explained = System.nanoTime();
            long peak = HeapPeak.bytes();
            System.gc();
            long held = usedHeap() - before;
            input.size(); // the input stays reachable until here, so "held" is the plan and its texts
            Map<String, int[]> perPool = new TreeMap<>();
            for (Assignment a : plan) {
                perPool.computeIfAbsent(a.explanation().pool(), p -> new int[2])[a.advisor().isPresent() ? 0 : 1]++;
            }
            int assigned = perPool.values().stream().mapToInt(c -> c[0]).sum();
            System.out.printf(Locale.ROOT, "run %d: plan %6d ms (%,.0f leads/s), Detail texts %5d ms, total %6d ms;"
                            + " %,d assigned, %,d deferred; peak heap %.1f MB, plan and texts held %.1f MB%n",
                    rep, ms(planned - start), leads / ((planned - start) / 1e9), ms(explained - planned), ms(explained - start),
                    assigned, leads - assigned, peak / 1048576.0, held / 1048576.0);
            if (rep == repetitions) {
                StringBuilder pools2 = new StringBuilder("  per pool (assigned/deferred):");
                perPool.forEach((p, c) -> pools2.append(' ').append(p).append(' ').append(c[0]).append('/').append(c[1]));
                System.out.println(pools2);
                System.out.println("  e.g. " + details.get(0));
            }
            if (details.size() != plan.size()) {
                throw new IllegalStateException("lost texts");
            }
        }
    }

    /** The leads as the pipeline hands them to routing: course, source and two more columns of the file. */
    private static List<LeadAttributes> leads(int n, Random random) {
        List<LeadAttributes> input = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            input.add(LeadAttributes.of(COURSES[random.nextInt(COURSES.length)], SOURCES[random.nextInt(SOURCES.length)],
                    Map.of("Provincia", PROVINCES[random.nextInt(PROVINCES.length)], "Idioma", random.nextBoolean() ? "Inglés" : "Español")));
        }
        return input;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
