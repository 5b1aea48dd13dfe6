package org.leadrouter.daemon;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.leadrouter.config.StateSettings;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before anything starts, the state is opened once: a state that refuses (in use, damaged, read-only, newer, a
 * refused login) stops the start at once, with its reason; a shared database that does not answer yet (the database
 * server still booting with the machine, a network not up) is waited for with back-off, saying so once in the log
 * and continuously to systemd, instead of exiting for systemd to restart the service again and again.
 */
final class StateAtStart {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.daemon");
    /** What systemd's start timeout is extended by beyond the wait, for the next attempt (the driver's connect timeout). */
    private static final Duration ATTEMPT = Duration.ofSeconds(30);

    private final StateSettings settings;
    private final Backoff backoff;
    private final SystemdNotifier systemd;

    StateAtStart(StateSettings settings, Backoff backoff, SystemdNotifier systemd) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.backoff = Objects.requireNonNull(backoff, "backoff == null");
        this.systemd = Objects.requireNonNull(systemd, "systemd == null");
    }

    /**
     * Opens and closes the state, waiting while a shared database does not answer; false when {@code stopping} said
     * to give up first. A refusal is thrown as it is.
     */
    boolean await(BooleanSupplier stopping) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                StateDatabase.open(settings).close();
                if (attempt > 1) {
                    LOG.info("the state database answers ({}): starting", settings.describe());
                }
                return true;
            } catch (StateException e) {
                if (!settings.shared() || !unanswered(e)) {
                    throw e;
                }
                Duration wait = backoff.delay(attempt);
                if (attempt == 1) {
                    LOG.warn("{}; leadrouter waits for it and starts once it answers (trying again with back-off up to"
                            + " {} s)", e.getMessage(), backoff.max().toSeconds());
                }
                systemd.waiting("waiting for the state database (" + settings.describe() + "): "
                        + StateDatabase.rootCause(e), wait.plus(ATTEMPT));
                if (sleepUnless(wait, stopping)) {
                    return false;
                }
            }
        }
    }

    /** Whether the database did not answer (no connection could be made), as opposed to answering with a refusal. */
    static boolean unanswered(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P03: the server is starting up; 53300: too many connections
                if (state.startsWith("08") || state.equals("57P03") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sleepUnless(Duration wait, BooleanSupplier stopping) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (stopping.getAsBoolean()) {
                return true;
            }
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
        }
        return stopping.getAsBoolean();
    }
}
