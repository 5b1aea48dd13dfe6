package org.leadrouter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Largest heap in use seen since the last reset, sampled every few milliseconds by a daemon thread. */
final class HeapPeak {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private HeapPeak() {
    }

    static void reset() {
        PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
    }

    static long bytes() {
        return Math.max(PEAK.get(), MEMORY.getHeapMemoryUsage().getUsed());
    }
}
