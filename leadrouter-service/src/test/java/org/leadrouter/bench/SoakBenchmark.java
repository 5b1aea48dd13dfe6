package org.leadrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;

/**
 * Runs the real daemon (with the unit's kind of bounded heap) through many small files, one after another, and
 * prints at stages what a service that runs for months must keep flat: the live heap after a full GC, its threads,
 * its open file descriptors, and how many {@code DistributionBatch} objects are still in the heap.
 * Usage: {@code SoakBenchmark [files=1000] [rows=5] [mode=apply|dry-run] [stages=5]} (see bench/soak-benchmark.sh).
 */
public final class SoakBenchmark {
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*garbage-first heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern BATCHES = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.leadrouter\\.batch\\.DistributionBatch\\s*$");

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String mode = args.length > 2 ? args[2] : "apply";
        int stages = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dir = Files.createTempDirectory("leadrouter-soak-bench");
        Path jar = copyOfTheJar(dir);
        SandboxFixture.Builder fixture = SandboxFixture.builder().apiUser("admin", "bench-key");
        for (String name : List.of("ana", "juan", "luis", "marta", "pedro", "rosa", "sara")) {
            fixture.advisor("asesor." + name, true);
        }
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture.build())) {
            Path inbox = dir.resolve("data/inbox");
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=bench-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + inbox, "mode=" + mode,
                    "allocation.daily-cap=100000", "inbox.poll-interval=20ms", "inbox.stable-time=0s",
                    "management.enabled=false", ""));
            System.out.printf("soak: %d files of %d rows, %s, daemon -Xmx256m%n", files, rows, mode);
            System.out.printf("%7s %9s %14s %8s %5s %10s%n", "files", "seconds", "live heap MB", "threads", "fds", "batches");
            try (DaemonProcess daemon = DaemonProcess.start(jar, config, dir.resolve("daemon.log"))) {
                Await.until("daemon started", Duration.ofSeconds(90), () -> daemon.log().contains("leadrouter started"));
                long start = System.nanoTime();
                print(dir, 0, start, daemon);
                int dropped = 0;
                for (int stage = 1; stage <= stages; stage++) {
                    int until = (int) ((long) files * stage / stages);
                    for (; dropped < until; dropped++) {
                        // a few files ahead of the daemon, so it never waits for the next one
                        Await.until("the inbox to drain", Duration.ofMinutes(5), () -> inboxFiles(inbox) < 4 || !daemon.alive());
                        drop(dir, inbox, dropped, rows);
                    }
                    Await.until("the inbox empty", Duration.ofMinutes(5), () -> inboxFiles(inbox) == 0 || !daemon.alive());
                    if (!daemon.alive()) {
                        System.out.println("the daemon died; its log: " + dir.resolve("daemon.log"));
                        System.exit(1);
                    }
                    print(dir, dropped, start, daemon);
                }
                daemon.terminate(Duration.ofSeconds(60));
            }
            System.out.printf("leads in the sandbox: %d; work folder %s%n", sandbox.records("Leads").size(), dir);
        }
    }

    /** The jar and its lib/, copied: a build during the soak (which takes minutes) cannot pull them from under it. */
    private static Path copyOfTheJar(Path dir) throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path lib = Files.createDirectories(app.resolve("lib"));
        try (Stream<Path> jars = Files.list(Path.of("target", "lib"))) {
            for (Path j : jars.toList()) {
                Files.copy(j, lib.resolve(j.getFileName()));
            }
        }
        return Files.copy(Path.of("target", "leadrouter.jar"), app.resolve("leadrouter.jar"));
    }

    private static void drop(Path dir, Path inbox, int index, int rows) throws IOException {
        String prefix = "soak" + index + "-";
        Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(rows, prefix, index * rows));
        Files.move(aside, inbox.resolve(String.format("soak-%05d.csv", index)), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long inboxFiles(Path inbox) {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).count();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void print(Path dir, int files, long start, DaemonProcess daemon) throws Exception {
        String pid = Long.toString(daemon.pid());
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(heap);
        String live = used.find() ? String.format("%.1f", Long.parseLong(used.group(2)) / 1024.0) : "?";
        String histogram = jcmd(pid, "GC.class_histogram");
        // kept beside the daemon's log: two stages' histograms side by side show what grows per file
        Files.writeString(dir.resolve("histogram-" + files + ".txt"), histogram);
        Matcher batches = BATCHES.matcher(histogram);
        long threads;
        try (Stream<Path> s = Files.list(Path.of("/proc", pid, "task"))) {
            threads = s.count();
        }
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc", pid, "fd"))) {
            fds = s.count();
        }
        System.out.printf("%7d %9.1f %14s %8d %5d %10s%n", files, (System.nanoTime() - start) / 1e9, live, threads, fds,
                batches.find() ? batches.group(1) : "0");
    }

    private static String jcmd(String pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
