package org.leadrouter.daemon;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.leadrouter.app.Wiring;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.Reports;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * A daemon on temporary folders against an embedded VTiger sandbox, started and stopped by tests. As a JUnit
 * extension ({@code @RegisterExtension final DaemonHarness harness = DaemonHarness.perTest();}) each test gets its
 * own folders under {@link #root} and a sandbox of {@link #fixture()}, and everything is stopped and removed after it.
 */
final class DaemonHarness implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    static final String KEY = "harness-key";

    Path root;
    VtigerSandbox sandbox;
    /** The faults the current sandbox is told to inject; fresh with each sandbox. */
    SandboxKnobs knobs = new SandboxKnobs();
    private Daemon daemon;
    private Thread thread;
    private boolean ownRoot;

    DaemonHarness(Path root, SandboxFixture fixture) throws IOException {
        this.root = root;
        this.sandbox = VtigerSandbox.start(0, fixture, knobs);
    }

    private DaemonHarness() {
    }

    /** The harness as a JUnit extension: folders and a sandbox of {@link #fixture()} for each test. */
    static DaemonHarness perTest() {
        return new DaemonHarness();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("leadrouter-daemon-test");
        ownRoot = true;
        knobs = new SandboxKnobs();
        sandbox = VtigerSandbox.start(0, fixture().build(), knobs);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            close();
        } finally {
            if (ownRoot) {
                deleteRecursively(root);
            }
        }
    }

    /** Replaces the sandbox by one of {@code fixture} (e.g. on a test's clock), before the daemon starts. */
    void useFixture(SandboxFixture fixture) throws IOException {
        if (daemon != null) {
            throw new IllegalStateException("the daemon is running on the current sandbox");
        }
        sandbox.close();
        knobs = new SandboxKnobs();
        sandbox = VtigerSandbox.start(0, fixture, knobs);
    }

    /** The running daemon's Camel context, e.g. for a {@code NotifyBuilder}. */
    CamelContext camel() {
        if (daemon == null) {
            throw new IllegalStateException("the daemon is not running");
        }
        return daemon.main().getCamelContext();
    }

    /** Three active advisors, an inactive one, a second admin, and one existing lead. */
    static SandboxFixture.Builder fixture() {
        return SandboxFixture.builder()
                .apiUser("admin", KEY)
                .user(Map.of("user_name", "director", "last_name", "Director", "is_admin", "on", "status", "Active"))
                .advisor("asesor.ana", true)
                .advisor("asesor.juan", true)
                .advisor("asesor.luis", true)
                .advisor("asesor.pedro", false)
                .lead(Map.of("firstname", "Eva", "lastname", "Existente", "email", "existe@example.com",
                        "phone", "611-000-111", "assigned_user_id", "19x3", "createdtime", "2025-01-01 10:00:00"));
    }

    Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("vtiger.url", sandbox.baseUrl().toString());
        m.put("vtiger.username", "admin");
        m.put("vtiger.access-key", KEY);
        m.put("vtiger.retry.attempts", "2");
        m.put("vtiger.retry.initial-backoff", "10ms");
        m.put("state.dir", root.resolve("state").toString());
        m.put("paths.inbox", inbox().toString());
        m.put("mode", "apply");
        m.put("language", "en"); // the tests read the English texts; the Spanish ones have tests of their own
        m.put("inbox.poll-interval", "50ms");
        m.put("inbox.stable-time", "0s");
        // the tests drop whole files at once, some of them (garbage, hostile input) without a final line end
        m.put("inbox.unterminated-line-time", "1s");
        m.put("inbox.retry.initial-backoff", "100ms");
        m.put("inbox.retry.max-backoff", "200ms");
        m.putAll(overrides);
        return m;
    }

    /** {@code settings} written as a properties file named {@code name} under {@link #root}, for the command line. */
    Path configFile(String name, Map<String, String> settings) throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = root.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        return file;
    }

    Daemon start(Map<String, String> overrides, Clock clock, VtigerCallListener calls) throws InterruptedException {
        return start(overrides, clock, calls, DaemonEvents.NONE);
    }

    Daemon start(Map<String, String> overrides, Clock clock, VtigerCallListener calls, DaemonEvents events)
            throws InterruptedException {
        Settings settings = Settings.from(ConfigSource.of(config(overrides)));
        daemon = Wiring.daemon(settings, clock, calls, events);
        thread = inThread(daemon, "daemon-under-test");
        if (!daemon.awaitStarted(Duration.ofSeconds(30))) {
            throw new AssertionError("daemon did not start");
        }
        return daemon;
    }

    Daemon start(Map<String, String> overrides) throws InterruptedException {
        return start(overrides, Clock.systemDefaultZone(), VtigerCallListener.NONE);
    }

    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.stop();
            thread.join(30_000);
            if (thread.isAlive()) {
                throw new AssertionError("daemon did not stop");
            }
            daemon = null;
        }
    }

    /** True while the daemon started last is still running. */
    boolean running() {
        return daemon != null && thread.isAlive();
    }

    Path inbox() {
        return root.resolve("data/inbox");
    }

    Path outbox() {
        return root.resolve("data/outbox");
    }

    Path archive() {
        return root.resolve("data/archive");
    }

    Path error() {
        return root.resolve("data/error");
    }

    /** Drops a complete file into the inbox (written aside, then moved in, as a careful sender does). */
    Path drop(String name, String content) throws IOException {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path drop(String name, byte[] content) throws IOException {
        Files.createDirectories(inbox());
        Path aside = Files.createTempFile(root, "drop", ".tmp");
        Files.write(aside, content);
        return Files.move(aside, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                // claims (.leadrouter-claims/) are the daemon's own bookkeeping, released just after a file leaves
                return s.filter(p -> !p.equals(dir) && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> !p.getParent().getFileName().toString().equals(org.leadrouter.files.FileClaim.FOLDER))
                        .sorted().toList();
            } catch (java.io.UncheckedIOException e) {
                // the daemon moved a file away while the folder was being listed: list again
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the outbox holds {@code n} finished reports (not the hidden files being written). */
    List<Path> awaitReports(int n) {
        Await.until(n + " report(s) in the outbox", Duration.ofSeconds(30), () -> reports().size() >= n);
        return reports();
    }

    /** The finished reports in the outbox (not the files being written, nor the "today at a glance" page). */
    List<Path> reports() {
        return files(outbox()).stream().filter(Reports::isReport).toList();
    }

    /**
     * Waits until each named input is in error/ with its explanation beside it. A count of files alone can be met
     * while an explanation is still being written under a hidden temporary name.
     */
    void awaitRejected(String... inputNames) {
        Await.until(String.join(", ", inputNames) + " in error/ with the reason beside", Duration.ofSeconds(30),
                () -> Stream.of(inputNames).allMatch(n -> Files.isRegularFile(error().resolve(n))
                        && Files.isRegularFile(error().resolve(n + ".error.txt"))));
    }

    long leadsWithEmail(String email) {
        return sandbox.records("Leads").stream().filter(r -> email.equalsIgnoreCase(r.get("email"))).count();
    }

    /**
     * A second daemon on the same folders and sandbox with a state of its own ({@code stateFolder} under
     * {@link #root}), as a second server on a shared inbox; stopped by {@link Other#close()}.
     */
    Other startOther(Map<String, String> overrides, String stateFolder) throws InterruptedException {
        Map<String, String> settings = new HashMap<>(config(overrides));
        settings.put("state.dir", root.resolve(stateFolder).toString());
        Daemon other = Wiring.daemon(Settings.from(ConfigSource.of(settings)), Clock.systemDefaultZone(),
                VtigerCallListener.NONE, DaemonEvents.NONE);
        Thread thread = inThread(other, "second-daemon");
        if (!other.awaitStarted(Duration.ofSeconds(30))) {
            other.stop();
            throw new AssertionError("the second daemon did not start");
        }
        return new Other(other, thread);
    }

    /** {@code daemon} running in a new thread called {@code name}, as the service's main thread runs it. */
    static Thread inThread(Daemon daemon, String name) {
        Thread thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    /** A second daemon started by {@link #startOther}. */
    record Other(Daemon daemon, Thread thread) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            daemon.stop();
            thread.join(30_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
