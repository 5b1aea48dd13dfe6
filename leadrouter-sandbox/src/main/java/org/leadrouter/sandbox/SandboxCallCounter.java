package org.leadrouter.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests per operation name, failed and injected ones included. */
final class SandboxCallCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void count(String operation) {
        counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    int get(String operation) {
        AtomicInteger n = counts.get(operation);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> snapshot() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void reset() {
        counts.clear();
    }
}
