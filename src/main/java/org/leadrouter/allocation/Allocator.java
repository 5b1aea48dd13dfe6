package org.leadrouter.allocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands out leads one at a time: each goes to the eligible advisor (load below cap) with the lowest load today;
 * ties go round-robin, starting after the advisor who won the last tie, so nobody is always first.
 * Pure: no I/O, and nothing is consumed until the caller records the outcome elsewhere.
 */
public final class Allocator {
    private final Map<String, Integer> loads = new LinkedHashMap<>();
    private final Deque<Advisor> rotation;
    private String lastPicked;

    /**
     * @param advisors  the roster (order does not matter: rotation is by user name)
     * @param loadToday leads each advisor already has today, by advisor id (missing = 0)
     * @param lastPicked user name of the advisor who received the previous lead, or null
     */
    public Allocator(List<Advisor> advisors, Map<String, Integer> loadToday, String lastPicked) {
        Objects.requireNonNull(advisors, "advisors == null");
        Objects.requireNonNull(loadToday, "loadToday == null");
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
        }
        this.lastPicked = lastPicked;
    }

    /** The advisor for the next lead, or empty when every advisor has reached the cap. */
    public Optional<Advisor> next() {
        Advisor best = null;
        for (Advisor a : rotation) {
            int load = loads.get(a.id());
            if (load < a.dailyCap() && (best == null || load < loads.get(best.id()))) {
                best = a;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        loads.merge(best.id(), 1, Integer::sum);
        rotation.remove(best);
        rotation.addLast(best);
        lastPicked = best.userName();
        return Optional.of(best);
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
