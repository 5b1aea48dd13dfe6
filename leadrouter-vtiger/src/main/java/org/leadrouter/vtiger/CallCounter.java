package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests sent to VTiger per operation: for the run summary and the benchmark. */
public final class CallCounter implements VtigerCallListener {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void called(String operation, String outcome, Duration elapsed) {
        counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests per operation so far, sorted by operation. */
    public Map<String, Integer> counts() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((op, n) -> snapshot.put(op, n.get()));
        return snapshot;
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
