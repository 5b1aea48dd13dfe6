package org.leadrouter.allocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Hands out leads one at a time: each goes to the eligible advisor (load below cap) with the lowest load today
 * divided by their weight; ties go round-robin, starting after the advisor who won the last tie, so nobody is
 * always first. With every weight 1 this is plain lowest-load-first. Pure: no I/O, and nothing is consumed until
 * the caller records the outcome elsewhere.
 */
public final class Allocator {
    private final Map<String, Integer> loads = new HashMap<>();
    private final Map<String, Weight> weights = new HashMap<>();
    private final Deque<Advisor> rotation;
    private String lastPicked;

    /** One choice: who, their load before it, their weight, and who had the same weighted load (rotation decided). */
    public record Pick(Advisor advisor, int loadBefore, Weight weight, List<Advisor> tiedWith) {
        public Pick {
            tiedWith = List.copyOf(tiedWith);
        }
    }

    /**
     * @param advisors  the roster (order does not matter: rotation is by user name)
     * @param loadToday leads each advisor already has today, by advisor id (missing = 0)
     * @param lastPicked user name of the advisor who received the previous lead, or null
     */
    public Allocator(List<Advisor> advisors, Map<String, Integer> loadToday, String lastPicked) {
        this(advisors, loadToday, Map.of(), lastPicked);
    }

    /** @param weightByUser weights by user name in lower case (missing = 1) */
    public Allocator(List<Advisor> advisors, Map<String, Integer> loadToday, Map<String, Weight> weightByUser,
                     String lastPicked) {
        Objects.requireNonNull(advisors, "advisors == null");
        Objects.requireNonNull(loadToday, "loadToday == null");
        Objects.requireNonNull(weightByUser, "weightByUser == null");
        List<Advisor> sorted = new ArrayList<>(advisors);
        sorted.sort(Comparator.comparing(Advisor::userName));
        int start = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).userName().equals(lastPicked)) {
                start = i + 1;
            }
        }
        this.rotation = new ArrayDeque<>();
        for (int i = 0; i < sorted.size(); i++) {
            Advisor a = sorted.get((start + i) % sorted.size());
            rotation.add(a);
            loads.put(a.id(), Math.max(0, loadToday.getOrDefault(a.id(), 0)));
            weights.put(a.id(), weightByUser.getOrDefault(a.userName().toLowerCase(Locale.ROOT), Weight.ONE));
        }
        this.lastPicked = lastPicked;
    }

    /** The advisor for the next lead, or empty when every advisor has reached the cap. */
    public Optional<Advisor> next() {
        return pick(a -> true).map(Pick::advisor);
    }

    /** Gives the next lead to the best of the advisors {@code eligible} accepts; empty when all are at their cap. */
    public Optional<Pick> pick(Predicate<Advisor> eligible) {
        Advisor best = null;
        List<Advisor> tied = new ArrayList<>();
        for (Advisor a : rotation) {
            if (loads.get(a.id()) >= a.dailyCap() || !eligible.test(a)) {
                continue;
            }
            int order = best == null ? -1 : compare(a, best);
            if (order < 0) {
                best = a;
                tied.clear();
            } else if (order == 0) {
                tied.add(a);
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int before = loads.get(best.id());
        loads.put(best.id(), before + 1);
        rotation.remove(best);
        rotation.addLast(best);
        lastPicked = best.userName();
        return Optional.of(new Pick(best, before, weights.get(best.id()), tied));
    }

    /** Weighted loads compared exactly: load(a)/w(a) against load(b)/w(b). */
    private int compare(Advisor a, Advisor b) {
        return Long.compare((long) loads.get(a.id()) * weights.get(b.id()).thousandths(),
                (long) loads.get(b.id()) * weights.get(a.id()).thousandths());
    }

    /** Load per advisor id, including what this allocator handed out. */
    public Map<String, Integer> loads() {
        return Map.copyOf(loads);
    }

    /** Remaining capacity today over all advisors. */
    public int remainingCapacity() {
        int total = 0;
        for (Advisor a : rotation) {
            total += Math.max(0, a.dailyCap() - loads.get(a.id()));
        }
        return total;
    }

    /** User name of the advisor who received the latest lead: where the next allocation's rotation resumes. */
    public String lastPicked() {
        return lastPicked;
    }
}
