package org.leadrouter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;

/**
 * Kills the real daemon with SIGKILL at random moments while it works through one file in apply mode, restarts it
 * each time, then counts the leads in the sandbox: each must exist exactly once. Prints the numbers.
 * Usage: {@code CrashBenchmark [rows=500] [kills=20] [seed=1]} (see bench/crash-benchmark.sh).
 */
public final class CrashBenchmark {
    private CrashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("leadrouter-crash-bench");
        Path jar = Path.of("target", "leadrouter.jar");
        SandboxFixture.Builder fixture = SandboxFixture.builder().apiUser("admin", "bench-key");
        for (String name : List.of("ana", "juan", "luis", "marta", "pedro", "rosa", "sara")) {
            fixture.advisor("asesor." + name, true);
        }
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture.build(), knobs)) {
            knobs.latency(Duration.ofMillis(20));
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=bench-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply",
                    "allocation.daily-cap=1000", "inbox.poll-interval=100ms", "inbox.stable-time=0s",
                    "management.enabled=false",
                    // the sandbox never works on a request for more than its latency: a create killed before
                    // its answer is settled (found by marker, or sent again) 10 s after it was sent
                    "vtiger.read-timeout=5s", "vtiger.create-settle-time=10s", ""));
            Path inbox = dir.resolve("data/inbox");
            Files.createDirectories(inbox);
            Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(rows, "crash", 20_000_000));
            Files.move(aside, inbox.resolve("crash-bench.csv"), StandardCopyOption.ATOMIC_MOVE);
            Path log = dir.resolve("daemon.log");

            long start = System.nanoTime();
            int killsDone = 0;
            int midFile = 0;
            for (int k = 0; k < kills && Files.exists(inbox.resolve("crash-bench.csv")); k++) {
                int before = sandbox.calls("create");
                long launched = System.nanoTime();
                DaemonProcess daemon = DaemonProcess.start(jar, config, log);
                // three kills in four land while leads are being created, the others at any moment (start-up,
                // reading, duplicate checks): a random wait after the first create, or after the launch
                boolean whileCreating = random.nextInt(4) > 0;
                long delay = whileCreating ? random.nextInt(1_500) : random.nextInt(5_000);
                if (whileCreating) {
                    // with parallel creates the whole file may already be in VTiger: then no create comes, and the
                    // restarted daemon only settles the rows by their markers and archives the file
                    Await.until("the first create", Duration.ofSeconds(60), () -> !daemon.alive()
                            || sandbox.calls("create") > before || !Files.exists(inbox.resolve("crash-bench.csv")));
                }
                long from = whileCreating ? System.nanoTime() : launched;
                Await.until("the moment to kill", Duration.ofMillis(delay + 5_000),
                        () -> !daemon.alive() || (System.nanoTime() - from) / 1_000_000 >= delay);
                daemon.kill();
                killsDone++;
                int after = sandbox.calls("create");
                if (after > before && after - before < rows) {
                    midFile++;
                }
                System.out.printf("kill %2d, %s + %4d ms: %4d creates so far%n", killsDone,
                        whileCreating ? "first create" : "launch      ", delay, after);
            }
            DaemonProcess last = DaemonProcess.start(jar, config, log);
            Await.until("file archived", Duration.ofMinutes(5), () -> !Files.exists(inbox.resolve("crash-bench.csv")));
            last.terminate(Duration.ofSeconds(60));

            Map<String, Integer> perEmail = new HashMap<>();
            sandbox.records("Leads").forEach(r -> perEmail.merge(r.getOrDefault("email", ""), 1, Integer::sum));
            int once = 0;
            int twice = 0;
            int missing = 0;
            for (int i = 1; i <= rows; i++) {
                int n = perEmail.getOrDefault("crash" + i + "@example.com", 0);
                if (n == 1) {
                    once++;
                } else if (n == 0) {
                    missing++;
                } else {
                    twice++;
                }
            }
            Map<String, Integer> statuses = new TreeMap<>();
            List<Path> reports;
            try (Stream<Path> s = Files.list(dir.resolve("data/outbox"))) {
                // the outbox also holds the "today at a glance" page, which is no report
                reports = s.filter(Reports::isReport).sorted().toList();
            }
            for (Map<String, String> r : Reports.read(reports.get(0), ';')) {
                statuses.merge(r.get("Status"), 1, Integer::sum);
            }
            System.out.printf("rows %d, kills %d (%d in the middle of creating), elapsed %.1f s%n",
                    rows, killsDone, midFile, (System.nanoTime() - start) / 1e9);
            System.out.printf("leads in the sandbox: expected %d, exactly once %d, more than once %d, missing %d%n",
                    rows, once, twice, missing);
            System.out.printf("create requests sent: %d; report rows %s (%d reports)%n", sandbox.calls("create"), statuses, reports.size());
            if (once != rows) {
                System.exit(1);
            }
        }
    }
}
