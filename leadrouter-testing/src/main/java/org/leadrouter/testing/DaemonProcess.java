package org.leadrouter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code leadrouter.jar} started as a separate process ({@code daemon --config <file>}), for tests and
 * benchmarks that kill it like a power cut does. Its output goes to a log file.
 */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DaemonProcess start(Path jar, Path config, Path log) throws IOException {
        return start(jar, config, log, List.of(), java.util.Map.of());
    }

    /**
     * As above, the command behind {@code launcher} (e.g. {@code setpriv --reuid=nobody … --}, to run the daemon as
     * an ordinary user where the tests run as root).
     */
    public static DaemonProcess start(Path jar, Path config, Path log, List<String> launcher) throws IOException {
        return start(jar, config, log, launcher, java.util.Map.of());
    }

    /** As {@link #start(Path, Path, Path)}, with these variables added to its environment (e.g. a password). */
    public static DaemonProcess start(Path jar, Path config, Path log, java.util.Map<String, String> environment)
            throws IOException {
        return start(jar, config, log, List.of(), environment);
    }

    /** The daemon behind {@code launcher}, with {@code environment} added to its own. */
    public static DaemonProcess start(Path jar, Path config, Path log, List<String> launcher,
                                      java.util.Map<String, String> environment) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(launcher);
        command.addAll(List.of(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "daemon", "--config",
                config.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        return new DaemonProcess(pb.start(), log);
    }

    /** SIGKILL: no shutdown hook, no cleanup, as a crash or a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code systemctl stop}; returns the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the daemon did not stop within " + timeout + " after SIGTERM");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself (e.g. a refused start); returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the daemon was still running " + timeout + " after its start");
        }
        return process.exitValue();
    }

    /** The process id, for tools that look inside the running JVM ({@code jcmd}) or at {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** The command line the system shows for the process ({@code ps}). */
    public String commandLine() {
        return process.info().commandLine().orElse("");
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the process has printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
