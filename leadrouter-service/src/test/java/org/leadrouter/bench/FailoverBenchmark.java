package org.leadrouter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.curator.test.TestingServer;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.TestPostgres;

/**
 * Two daemons (the real jar) sharing an inbox and a PostgreSQL state, VTiger answering in 50 ms: a stream of files is
 * dropped while the leader is killed (SIGKILL) again and again, each time in the middle of a file, and restarted to
 * stand by. Prints, per mode, the failover time (kill → the other node leads) and the leads expected, in VTiger, twice
 * and missing. Arguments: [kills=20] [rows per file=60] [modes=file,zookeeper].
 */
public final class FailoverBenchmark {
    private static final Path JAR = Path.of("target", "leadrouter.jar");

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String[] modes = (args.length > 2 ? args[2] : "file,zookeeper").split(",");
        for (String mode : modes) {
            run(mode.trim(), kills, rows);
        }
        System.exit(0);
    }

    private static void run(String mode, int kills, int rows) throws Exception {
        Path dir = Files.createTempDirectory("leadrouter-failover-");
        SandboxFixture.Builder fixture = SandboxFixture.builder().apiUser("admin", "bench-key");
        for (int i = 1; i <= 8; i++) {
            fixture.advisor("asesor." + i, true);
        }
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture.build(), knobs);
             TestingServer zookeeper = new TestingServer(true)) {
            knobs.latency(Duration.ofMillis(50));
            String database = TestPostgres.newDatabase();
            Map<String, Path> configs = new HashMap<>();
            Map<String, DaemonProcess> nodes = new HashMap<>();
            for (String node : List.of("a", "b")) {
                configs.put(node, config(dir, node, mode, sandbox, database, zookeeper));
            }
            nodes.put("a", DaemonProcess.start(JAR, configs.get("a"), dir.resolve("a.log")));
            Await.until("node a leads", Duration.ofSeconds(90), () -> leads(dir, "a") == 1);
            nodes.put("b", DaemonProcess.start(JAR, configs.get("b"), dir.resolve("b.log")));
            Await.until("node b started", Duration.ofSeconds(90), () -> log(dir, "b").contains("leadrouter started"));
            String leader = "a";
            List<Long> failovers = new ArrayList<>();
            Path inbox = dir.resolve("data/inbox");
            int files = 0;
            for (int k = 0; k < kills; k++) {
                files++;
                int before = sandbox.calls("create");
                Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(rows, "f" + files + "x", 10_000_000 + files * 1000));
                Files.move(aside, inbox.resolve("stream-" + files + ".csv"), StandardCopyOption.ATOMIC_MOVE);
                Await.until("creates of file " + files, Duration.ofSeconds(120), () -> sandbox.calls("create") >= before + rows / 3);
                String standby = leader.equals("a") ? "b" : "a";
                int led = leads(dir, standby);
                nodes.get(leader).kill();
                long killed = System.nanoTime();
                Await.until("node " + standby + " leads", Duration.ofSeconds(120), () -> leads(dir, standby) > led);
                failovers.add((System.nanoTime() - killed) / 1_000_000);
                // the old leader comes back and stands by
                String restarted = leader;
                int starts = count(log(dir, restarted), "leadrouter started");
                nodes.put(leader, DaemonProcess.start(JAR, configs.get(leader), dir.resolve(leader + ".log")));
                Await.until("node " + restarted + " restarted", Duration.ofSeconds(90),
                        () -> count(log(dir, restarted), "leadrouter started") > starts);
                leader = standby;
            }
            int total = files;
            Await.until("every file archived", Duration.ofMinutes(10), () -> archived(dir.resolve("data/archive")) == total);
            long reports = countFiles(dir.resolve("data/outbox"), "_report");
            Map<String, Integer> byEmail = new HashMap<>();
            for (Map<String, String> lead : sandbox.records("Leads")) {
                byEmail.merge(String.valueOf(lead.get("email")), 1, Integer::sum);
            }
            int expected = total * rows;
            int twice = 0;
            int missing = 0;
            for (int f = 1; f <= total; f++) {
                for (int i = 1; i <= rows; i++) {
                    int n = byEmail.getOrDefault("f" + f + "x" + i + "@example.com", 0);
                    twice += n > 1 ? 1 : 0;
                    missing += n == 0 ? 1 : 0;
                }
            }
            Collections.sort(failovers);
            System.out.printf("mode %s: %d kills of the leader, %d files of %d leads, VTiger latency 50 ms%n", mode, kills, total, rows);
            System.out.printf("  failover (kill -> the other node leads): p50 %.1f s, p95 %.1f s, max %.1f s%n",
                    failovers.get(failovers.size() / 2) / 1000.0,
                    failovers.get(Math.min(failovers.size() - 1, (int) Math.ceil(failovers.size() * 0.95) - 1)) / 1000.0,
                    failovers.get(failovers.size() - 1) / 1000.0);
            System.out.printf("  leads expected %d, in VTiger %d, twice %d, missing %d; files %d, reports %d%n", expected,
                    byEmail.values().stream().mapToInt(Integer::intValue).sum(), twice, missing, total, reports);
            for (DaemonProcess p : nodes.values()) {
                p.terminate(Duration.ofSeconds(90));
            }
        }
    }

    private static Path config(Path dir, String node, String mode, VtigerSandbox sandbox, String database,
                               TestingServer zookeeper) throws Exception {
        return Files.writeString(dir.resolve(node + ".properties"), String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=bench-key",
                "state.dir=" + dir.resolve("state-" + node), "state.url=" + database, "state.username=postgres",
                "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply", "allocation.daily-cap=100000",
                "inbox.poll-interval=200ms", "inbox.stable-time=0s", "management.enabled=false",
                "ha.mode=" + mode, "ha.node-id=" + node, "ha.file.root=" + dir.resolve("data/.cluster"),
                "ha.zookeeper.connect=" + zookeeper.getConnectString(), "vtiger.read-timeout=5s",
                "vtiger.create-settle-time=10s", ""));
    }

    private static int leads(Path dir, String node) {
        return count(log(dir, node), "node " + node + " is the leader");
    }

    private static String log(Path dir, String node) {
        try {
            Path log = dir.resolve(node + ".log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static long archived(Path folder) {
        return countFiles(folder, ".csv");
    }

    private static long countFiles(Path folder, String contains) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && n.contains(contains)).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
