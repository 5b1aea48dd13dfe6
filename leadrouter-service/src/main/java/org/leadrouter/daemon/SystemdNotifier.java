package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the service is doing (sd_notify: {@code READY=1}, {@code STOPPING=1}, {@code WATCHDOG=1},
 * {@code STATUS=}) when it runs as a {@code Type=notify} service. The messages go through systemd's own
 * {@code systemd-notify}, a child process: {@code $NOTIFY_SOCKET} is a Unix datagram socket, which Java 17 cannot
 * open ({@code DatagramChannel.open(StandardProtocolFamily.UNIX)} is unsupported), so the unit says
 * {@code NotifyAccess=all}. systemd-notify returns once systemd has read the message. Outside systemd
 * ({@code $NOTIFY_SOCKET} unset) nothing is sent.
 */
public final class SystemdNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final Duration ANSWER_TIME = Duration.ofSeconds(10);

    private final String executable;
    private final boolean enabled;
    private final Optional<Duration> watchdog;
    private final AtomicBoolean failing = new AtomicBoolean();

    SystemdNotifier(String executable, Map<String, String> environment, long pid) {
        this.executable = Objects.requireNonNull(executable, "executable == null");
        this.enabled = !environment.getOrDefault("NOTIFY_SOCKET", "").isEmpty();
        this.watchdog = enabled ? watchdogOf(environment, pid) : Optional.empty();
    }

    /** The notifier this process was started with (systemd's environment variables). */
    public static SystemdNotifier fromEnvironment() {
        return new SystemdNotifier("systemd-notify", System.getenv(), ProcessHandle.current().pid());
    }

    /** Whether systemd waits for these messages ({@code $NOTIFY_SOCKET} is set). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * How often systemd's watchdog must hear from this process: {@code $WATCHDOG_USEC}, when it is meant for this
     * process ({@code $WATCHDOG_PID} absent or ours).
     */
    public Optional<Duration> watchdogTimeout() {
        return watchdog;
    }

    private static Optional<Duration> watchdogOf(Map<String, String> environment, long pid) {
        String usec = environment.getOrDefault("WATCHDOG_USEC", "");
        String forPid = environment.getOrDefault("WATCHDOG_PID", "");
        if (usec.isEmpty() || (!forPid.isEmpty() && !forPid.equals(Long.toString(pid)))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec);
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC '{}' is not a number of microseconds; systemd's watchdog is not fed", usec);
            return Optional.empty();
        }
    }

    /** Start-up is complete: {@code READY=1} with a status line for {@code systemctl status}. */
    public void ready(String status) {
        send("--ready", "--status=" + status);
    }

    /**
     * Still starting, waiting for something (a status line for {@code systemctl status}): systemd's start timeout
     * is extended by {@code atLeast} ({@code EXTEND_TIMEOUT_USEC}), so that the wait is not taken for a hung start.
     */
    public void waiting(String status, Duration atLeast) {
        send("--status=" + status, "EXTEND_TIMEOUT_USEC=" + atLeast.toNanos() / 1_000);
    }

    /** A stop has begun: {@code STOPPING=1}. */
    public void stopping() {
        send("--status=stopping: finishing the creates in flight", "STOPPING=1");
    }

    /** Still alive: {@code WATCHDOG=1}. */
    public void alive() {
        send("WATCHDOG=1");
    }

    private void send(String... message) {
        if (!enabled) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(message));
        String failure;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(ANSWER_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                failure = "no answer within " + ANSWER_TIME.toSeconds() + " s";
            } else if (process.exitValue() != 0) {
                String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                failure = "exit status " + process.exitValue() + (said.isEmpty() ? "" : ": " + said);
            } else {
                failure = null;
            }
        } catch (IOException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        // said once when it starts failing, and once when it works again: the watchdog would repeat it every tick
        if (failure != null && failing.compareAndSet(false, true)) {
            LOG.warn("cannot tell systemd {} ({}: {})", String.join(" ", message), executable, failure);
        } else if (failure == null && failing.compareAndSet(true, false)) {
            LOG.info("systemd is told how leadrouter is doing again");
        }
    }
}
