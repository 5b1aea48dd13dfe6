package org.leadrouter.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The allocation rules: lowest load first, caps never exceeded, balance within one, ties rotating. */
class AllocatorTest {
    private static final Advisor ANA = new Advisor("19x5", "asesor.ana", "Ana", 25);
    private static final Advisor JUAN = new Advisor("19x6", "asesor.juan", "Juan", 25);
    private static final Advisor LUIS = new Advisor("19x7", "asesor.luis", "Luis", 25);

    @Test
    void leadGoesToTheAdvisorWithTheLowestLoad() {
        Allocator allocator = new Allocator(List.of(ANA, JUAN, LUIS), Map.of("19x5", 3, "19x6", 1, "19x7", 2), null);
        assertThat(allocator.next()).contains(JUAN);
        // Juan and Luis now both have 2: the tie goes to Luis, Juan having just received one
        assertThat(allocator.next()).contains(LUIS);
        assertThat(allocator.next()).contains(JUAN);
        assertThat(allocator.loads()).containsEntry("19x5", 3).containsEntry("19x6", 3).containsEntry("19x7", 3);
    }

    @Test
    void tiesRotateSoNobodyIsAlwaysFirst() {
        Allocator allocator = new Allocator(List.of(LUIS, ANA, JUAN), Map.of(), null);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(allocator.next().orElseThrow().userName());
        }
        assertThat(order).containsExactly("asesor.ana", "asesor.juan", "asesor.luis", "asesor.ana", "asesor.juan", "asesor.luis");
    }

    @Test
    void rotationResumesAfterTheLastPickedAdvisor() {
        Allocator first = new Allocator(List.of(ANA, JUAN, LUIS), Map.of(), null);
        first.next();
        assertThat(first.lastPicked()).isEqualTo("asesor.ana");
        Allocator next = new Allocator(List.of(ANA, JUAN, LUIS), Map.of(), first.lastPicked());
        assertThat(next.next()).contains(JUAN);
    }

    @Test
    void nobodyBelowTheCapMeansDeferred() {
        Advisor small = new Advisor("19x9", "asesor.small", "Small", 2);
        Allocator allocator = new Allocator(List.of(small), Map.of("19x9", 1), null);
        assertThat(allocator.next()).contains(small);
        assertThat(allocator.next()).isEmpty();
        assertThat(allocator.remainingCapacity()).isZero();
    }

    @Test
    void advisorAlreadyOverTheCapGetsNothing() {
        Allocator allocator = new Allocator(List.of(ANA, JUAN), Map.of("19x5", 30), null);
        for (int i = 0; i < 25; i++) {
            assertThat(allocator.next()).contains(JUAN);
        }
        assertThat(allocator.next()).isEmpty();
    }

    @Test
    void perAdvisorCapIsRespected() {
        Advisor junior = new Advisor("19x8", "asesor.junior", "Junior", 3);
        Allocator allocator = new Allocator(List.of(ANA, junior), Map.of(), null);
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            allocator.next().ifPresent(a -> got.merge(a.userName(), 1, Integer::sum));
        }
        assertThat(got).containsEntry("asesor.junior", 3).containsEntry("asesor.ana", 17);
    }

    @Test
    void noAdvisorsDefersEverything() {
        assertThat(new Allocator(List.of(), Map.of(), null).next()).isEmpty();
    }

    /** Random rosters, loads and caps (seeded, so a failure repeats): the invariants hold whatever the input. */
    @Property(tries = 200, seed = "20261129")
    void invariantsHoldForRandomRosters(@ForAll @IntRange(min = 1, max = 8) int n,
                                        @ForAll @Size(8) List<@IntRange(min = 0, max = 29) Integer> caps,
                                        @ForAll @Size(8) List<@IntRange(min = 0, max = 29) Integer> loads,
                                        @ForAll @IntRange(min = -1, max = 7) int lastPickedIndex,
                                        @ForAll @IntRange(min = 0, max = 299) int leads) {
        List<Advisor> advisors = new ArrayList<>();
        Map<String, Integer> start = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Advisor a = new Advisor("19x" + (10 + i), "user" + i, "User " + i, caps.get(i));
            advisors.add(a);
            start.put(a.id(), loads.get(i));
        }
        Allocator allocator = new Allocator(advisors, start, lastPickedIndex < 0 ? null : "user" + (lastPickedIndex % n));
        int assigned = 0;
        for (int i = 0; i < leads; i++) {
            Optional<Advisor> a = allocator.next();
            if (a.isEmpty()) {
                break;
            }
            assigned++;
        }
        Map<String, Integer> end = allocator.loads();
        int capacity = advisors.stream().mapToInt(a -> Math.max(0, a.dailyCap() - start.get(a.id()))).sum();
        assertThat(assigned).isEqualTo(Math.min(leads, capacity));
        for (Advisor a : advisors) {
            int received = end.get(a.id()) - start.get(a.id());
            assertThat(received == 0 || end.get(a.id()) <= a.dailyCap()).as("cap of %s", a.userName()).isTrue();
        }
        // balance: whoever received a lead ends at most one above everyone still below their cap
        int minBelowCap = advisors.stream().filter(a -> end.get(a.id()) < a.dailyCap())
                .mapToInt(a -> end.get(a.id())).min().orElse(Integer.MAX_VALUE);
        for (Advisor a : advisors) {
            if (end.get(a.id()) > start.get(a.id()) && minBelowCap != Integer.MAX_VALUE) {
                assertThat(end.get(a.id())).as("balance of %s", a.userName()).isLessThanOrEqualTo(minBelowCap + 1);
            }
        }
    }

    @Test
    void samePlanTwiceFromTheSameStartingPoint() {
        Map<String, Integer> loads = Map.of("19x5", 2, "19x6", 0, "19x7", 1);
        List<String> a = plan(new Allocator(List.of(ANA, JUAN, LUIS), loads, "asesor.juan"), 40);
        List<String> b = plan(new Allocator(List.of(LUIS, JUAN, ANA), loads, "asesor.juan"), 40);
        assertThat(a).isEqualTo(b);
    }

    private static List<String> plan(Allocator allocator, int leads) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            out.add(allocator.next().map(Advisor::userName).orElse("deferred"));
        }
        return out;
    }
}
