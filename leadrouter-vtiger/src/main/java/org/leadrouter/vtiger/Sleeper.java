package org.leadrouter.vtiger;

import java.time.Duration;

/** Waits between retries; replaceable so tests need not wait for real. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
