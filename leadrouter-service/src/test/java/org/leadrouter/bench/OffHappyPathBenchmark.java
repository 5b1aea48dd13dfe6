package org.leadrouter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.leadrouter.daemon.DeferredQueueCopy;
import org.leadrouter.files.FileClaim;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;
import org.leadrouter.testing.Reports;
import org.leadrouter.testing.SmallDisk;

/**
 * The "never twice, never lost" promise off the happy path: two daemons on one inbox, {@code run --apply} on a file
 * the daemon is taking, a slow CRM, a stop during a slow create, full disks, a lost state, a file that grows after it
 * was taken, a release of the deferred queue killed midway. Each scenario gets a fresh VTiger sandbox in this JVM and
 * the real {@code leadrouter.jar} as separate processes (stopped with SIGTERM, killed with SIGKILL), and prints one
 * line as soon as it ends: the leads expected, those in the CRM, those there more than once, those missing, the
 * reports written, its wall time, and what else it measured. Usage: {@code OffHappyPathBenchmark [scenario…]}
 * (e.g. {@code 1 5a 8}; all by default; see bench/off-happy-path-benchmark.sh). Exits 1 when a lead is missing or
 * twice anywhere.
 */
public final class OffHappyPathBenchmark {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final String KEY = "bench-key";
    private static final List<String> ADVISORS = List.of("ana", "juan", "luis", "marta", "pedro", "rosa", "sara");
    private static final String LINE = "%-66s %8s %6s %5s %7s %7s %7s  %s%n";

    private static boolean promiseBroken;

    private OffHappyPathBenchmark() {
    }

    private interface Scenario {
        void run(World w) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("1", OffHappyPathBenchmark::twoDaemonsOnOneInbox);
        scenarios.put("2a", OffHappyPathBenchmark::runApplyWhileTheDaemonCreates);
        scenarios.put("2b", OffHappyPathBenchmark::runApplyAndDaemonStartedTogether);
        scenarios.put("3a", w -> slowCrm(w, Duration.ofMillis(3_500)));
        scenarios.put("3b", w -> slowCrm(w, Duration.ofSeconds(8)));
        scenarios.put("3c", w -> slowCrm(w, Duration.ofSeconds(14)));
        scenarios.put("4a", OffHappyPathBenchmark::stopDuringACreateLongerThanTheOldGraceLimit);
        scenarios.put("4b", OffHappyPathBenchmark::stopDuringACreateThatOutlastsTheReadTimeout);
        scenarios.put("5a", w -> fullFolder(w, "outbox"));
        scenarios.put("5b", w -> fullFolder(w, "archive"));
        scenarios.put("5c", w -> fullFolder(w, "error"));
        scenarios.put("5d", w -> fullFolder(w, "state"));
        scenarios.put("6", OffHappyPathBenchmark::stateLostWithDeferredLeads);
        scenarios.put("6b", OffHappyPathBenchmark::stateOfOneOfTwoDaemonsLostWithDeferredLeads);
        scenarios.put("7", OffHappyPathBenchmark::fileGrowsAfterItWasTaken);
        scenarios.put("8", OffHappyPathBenchmark::releaseKilledMidway);
        List<String> chosen = args.length == 0 ? List.copyOf(scenarios.keySet()) : List.of(args);
        for (String id : chosen) {
            if (!scenarios.containsKey(id)) {
                System.err.println("unknown scenario " + id + "; known: " + scenarios.keySet());
                System.exit(2);
            }
        }
        long start = System.nanoTime();
        System.out.printf(LINE, "scenario", "expected", "in CRM", "twice", "missing", "reports", "wall s", "notes");
        for (String id : chosen) {
            long began = System.nanoTime();
            try (World w = new World(id, began)) {
                scenarios.get(id).run(w);
            } catch (Exception | AssertionError e) {
                promiseBroken = true;
                System.out.printf("%-66s did not finish (%.1f s): %s%n", id, seconds(began), e);
            }
        }
        System.out.printf("total %.1f s%n", seconds(start));
        if (promiseBroken) {
            System.exit(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** 1. Two daemons, each with its own state.dir, on one inbox: 5 files of 100 leads dropped before both start. */
    private static void twoDaemonsOnOneInbox(World w) throws Exception {
        for (int f = 1; f <= 5; f++) {
            w.drop("lote" + f + ".csv", LeadFiles.HEADER + LeadFiles.rows(f * 100 - 99, f * 100, "dos", 10_000_000));
        }
        Path a = w.config("a", Map.of());
        Path b = w.config("b", Map.of());
        DaemonProcess first = w.daemon(a, "a");
        DaemonProcess second = w.daemon(b, "b");
        w.awaitStarted("a");
        w.awaitStarted("b");
        Await.until("every file archived", Duration.ofMinutes(5), () -> w.inboxFiles().isEmpty() && w.archived().size() == 5);
        int stopA = first.terminate(Duration.ofMinutes(3));
        int stopB = second.terminate(Duration.ofMinutes(3));
        w.print("1 two daemons (own state.dir each) on one inbox, 5 files x 100", "dos", 500,
                "files archived by a: " + w.filesArchivedBy("a") + ", by b: " + w.filesArchivedBy("b")
                        + "; create requests " + w.sandbox.calls("create") + "; exits " + stopA + "/" + stopB);
    }

    /** 2a. `run --apply` (its own state) launched on the daemon's file once the daemon has begun creating its leads. */
    private static void runApplyWhileTheDaemonCreates(World w) throws Exception {
        w.knobs.latency(Duration.ofMillis(100)); // 200 creates over 4 sessions take ~5 s: run comes mid-file
        Path file = w.drop("compartido.csv", LeadFiles.people(200, "run", 20_000_000));
        DaemonProcess daemon = w.daemon(w.config("daemon", Map.of()), "daemon");
        w.awaitStarted("daemon");
        Await.until("the daemon's first create", Duration.ofMinutes(2), () -> w.sandbox.calls("create") >= 1);
        int createsWhenRunStarted = w.sandbox.calls("create");
        RunResult run = w.run(file, w.config("run", Map.of()));
        Await.until("the file archived", Duration.ofMinutes(3), () -> w.inboxFiles().isEmpty());
        int stop = daemon.terminate(Duration.ofMinutes(3));
        w.print("2a run --apply (own state) on the file the daemon is taking, 200", "run", 200,
                "run launched after " + createsWhenRunStarted + " creates: exit " + run.exit + " \"" + run.message
                        + "\"" + run.reportSummary() + "; daemon report " + w.statuses() + "; exit " + stop);
    }

    /** 2b. `run --apply` and the daemon launched at the same instant on one file: whichever claims it first. */
    private static void runApplyAndDaemonStartedTogether(World w) throws Exception {
        w.knobs.latency(Duration.ofMillis(100));
        Path file = w.drop("compartido.csv", LeadFiles.people(200, "par", 21_000_000));
        Path runConfig = w.config("run", Map.of());
        DaemonProcess daemon = w.daemon(w.config("daemon", Map.of()), "daemon");
        RunResult run = w.run(file, runConfig);
        Await.until("the file archived", Duration.ofMinutes(3), () -> w.inboxFiles().isEmpty());
        int stop = daemon.terminate(Duration.ofMinutes(3));
        w.print("2b run --apply and the daemon launched together on one file, 200", "par", 200,
                "run exit " + run.exit + " \"" + run.message + "\"" + run.reportSummary() + "; daemon report "
                        + w.statuses() + "; create requests " + w.sandbox.calls("create") + "; exit " + stop);
    }

    /**
     * 3. A CRM that stores every create only after {@code storedAfter} (its workflows run inside the request) while
     * {@code vtiger.read-timeout} is 2 s. The settle time is 30 s instead of the default 10 min (longest create 14 s).
     */
    private static void slowCrm(World w, Duration storedAfter) throws Exception {
        w.knobs.slowCreates(1_000, storedAfter);
        w.drop("lento.csv", LeadFiles.people(5, "slow", 30_000_000));
        DaemonProcess daemon = w.daemon(w.config("daemon", Map.of("vtiger.read-timeout", "2s",
                "vtiger.create-settle-time", "30s")), "daemon");
        Await.until("the file archived", Duration.ofMinutes(5), () -> w.inboxFiles().isEmpty());
        Thread.sleep(storedAfter.toMillis()); // a create sent again would land by now
        int stop = daemon.terminate(Duration.ofMinutes(3));
        w.print(String.format("%s slow CRM: each create stored after %.1f s, read-timeout 2 s, 5", w.id,
                storedAfter.toMillis() / 1e3),
                "slow", 5, "create requests " + w.sandbox.calls("create") + "; report " + w.statuses()
                        + "; create-settle-time 30s (default 10m); exit " + stop);
    }

    /**
     * 4a. SIGTERM one second into a create VTiger needs 50 s for (longer than Camel's former 45 s grace period),
     * default read-timeout (60 s); then a restart. 5 leads.
     */
    private static void stopDuringACreateLongerThanTheOldGraceLimit(World w) throws Exception {
        stopDuringASlowCreate(w, Duration.ofSeconds(50), Map.of(), "4a SIGTERM 1 s into a 50 s create (read-timeout 60 s), restart, 5");
    }

    /**
     * 4b. SIGTERM one second into a create VTiger needs 45 s for, with read-timeout 5 s: the stop waits for it at most
     * read-timeout + 30 s = 35 s, so it is still running in VTiger when the daemon is gone; the restart must settle it
     * by its marker, not send it again (settle time 60 s). 5 leads.
     */
    private static void stopDuringACreateThatOutlastsTheReadTimeout(World w) throws Exception {
        stopDuringASlowCreate(w, Duration.ofSeconds(45), Map.of("vtiger.read-timeout", "5s", "vtiger.create-settle-time", "60s"),
                "4b SIGTERM 1 s into a 45 s create (read-timeout 5 s), restart, 5");
    }

    private static void stopDuringASlowCreate(World w, Duration storedAfter, Map<String, String> settings, String name)
            throws Exception {
        w.knobs.slowCreates(1, storedAfter);
        w.drop("parada.csv", LeadFiles.people(5, "stop", 40_000_000));
        Path config = w.config("daemon", settings);
        DaemonProcess first = w.daemon(config, "daemon");
        Await.until("the first create", Duration.ofMinutes(2), () -> w.sandbox.calls("create") >= 1);
        Thread.sleep(1_000);
        long stopping = System.nanoTime();
        int exit = first.terminate(Duration.ofMinutes(3));
        double stopSeconds = seconds(stopping);
        int inCrmAtStop = w.leads("stop").values().stream().mapToInt(Integer::intValue).sum();
        DaemonProcess second = w.daemon(config, "daemon");
        Await.until("the file archived", Duration.ofMinutes(3), () -> w.inboxFiles().isEmpty());
        Thread.sleep(Math.max(0, storedAfter.toMillis() - (long) (seconds(stopping) * 1000))); // a resent create lands
        int stop = second.terminate(Duration.ofMinutes(3));
        w.print(name, "stop", 5, String.format("stop took %.1f s (exit %d) with %d lead(s) in CRM; create requests %d;"
                + " report %s; exit %d", stopSeconds, exit, inCrmAtStop, w.sandbox.calls("create"), w.statuses(), stop));
    }

    /**
     * 5. A folder's disk is full for 15 s: a real small disk (a tmpfs of 8 MB mounted on the folder, filled to the last
     * byte, then freed) where mounting is allowed (root), else a plain file in the folder's place (which fails for any
     * user). outbox / archive: a file of 100 leads; error: a ZIP named .csv and a file of 100 leads dropped while full;
     * state: a file of 100 leads, the state's disk filling while VTiger stores the 30th lead (real disk only).
     */
    private static void fullFolder(World w, String folder) throws Exception {
        boolean state = folder.equals("state");
        Path target = state ? w.dir.resolve("state-disk") : w.data(folder);
        SmallDisk disk = w.smallDisk(target);
        if (disk == null && state) {
            System.out.printf(LINE, w.id + " state full: skipped", "", "", "", "", "", "", "mounting a small disk needs root");
            return;
        }
        String how = disk != null ? "disk full" : "folder unwritable";
        int port = freePort();
        Map<String, String> settings = new HashMap<>(Map.of("management.enabled", "true", "management.port",
                String.valueOf(port)));
        if (state) {
            settings.put("state.dir", target.resolve("state").toString());
        }
        DaemonProcess daemon = w.daemon(w.config("daemon", settings), "daemon");
        w.awaitStarted("daemon");
        long logBefore = w.logBytes("daemon");
        long linesBefore = w.logLines("daemon");
        long[] fullSince = new long[1];
        if (state) {
            int[] creates = new int[1];
            w.knobs.rejectCreates(fields -> {
                if (++creates[0] == 30) {
                    disk.fill();
                    fullSince[0] = System.nanoTime();
                }
                return false;
            }, "UNUSED", "never");
        } else if (disk != null) {
            disk.fill();
        } else {
            block(target);
        }
        boolean rejects = folder.equals("error");
        if (rejects) {
            w.drop("roto.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0});
            Thread.sleep(50);
        }
        w.drop("lleno.csv", LeadFiles.people(100, "full", 50_000_000));
        if (state) {
            Await.until("the state's disk full", Duration.ofMinutes(2), () -> fullSince[0] != 0);
        }
        Thread.sleep(15_000);
        long logDuring = w.logBytes("daemon") - logBefore;
        long linesDuring = w.logLines("daemon") - linesBefore;
        String health = health(port);
        List<String> waiting = w.inboxFiles();
        int reportsWhileFull = w.reports().size();
        int createsWhileFull = w.sandbox.calls("create");
        if (disk != null) {
            disk.free();
        } else {
            Files.delete(target);
            Files.createDirectories(target);
        }
        Await.until("every file out of the inbox", Duration.ofMinutes(3), () -> w.inboxFiles().isEmpty());
        Thread.sleep(2_000);
        String healthAfter = health(port);
        int stop = daemon.terminate(Duration.ofMinutes(3));
        String rejected = "";
        if (rejects) {
            Path explanation = w.data("error").resolve("roto.csv.error.txt");
            rejected = "; roto.csv.error.txt " + (Files.exists(explanation) ? Files.size(explanation) + " bytes" : "absent");
        }
        w.print(w.id + " " + folder + " " + how + " for 15 s, a file of 100" + (rejects ? " + a ZIP named .csv" : ""),
                "full", 100, "in the inbox at the end of the 15 s: " + waiting + "; health then " + health + ", after "
                        + healthAfter + "; reports while full " + reportsWhileFull + "; creates by then "
                        + createsWhileFull + "; log while full " + linesDuring + " lines (" + logDuring + " bytes)"
                        + rejected + "; 0-byte files " + w.emptyFiles() + "; files in error/ "
                        + w.files(w.data("error")).size() + "; create requests " + w.sandbox.calls("create") + "; exit " + stop);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The daemon's health status and the reason of a DOWN check, from /observe/health. */
    private static String health(int port) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/observe/health"))
                            .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String body = r.body().replaceAll("\\s+", " ");
            java.util.regex.Matcher down = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"status\"\\s*:\\s*\"DOWN\"")
                    .matcher(body);
            StringBuilder names = new StringBuilder();
            while (down.find()) {
                names.append(names.length() == 0 ? "" : ",").append(down.group(1));
            }
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"").matcher(body);
            return "HTTP " + r.statusCode() + " " + (status.find() ? status.group(1) : "?")
                    + (names.length() > 0 ? " (" + names + ")" : "");
        } catch (IOException | InterruptedException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void block(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(folder, "not a folder");
    }

    /**
     * 6. Three advisors with a cap of 1 and a file of 8 leads: 5 wait in the deferred queue. The service is stopped,
     * its state.dir deleted, and it is started again with a cap of 100 (as on a new server); then the admin does what
     * the README says: copies the outbox's copy of the lost state's queue (deferred-queue_<id>.csv) into the inbox.
     */
    private static void stateLostWithDeferredLeads(World w) throws Exception {
        Path capOne = w.config("daemon", Map.of("allocation.daily-cap", "1", "deferred.check-interval", "1s"),
                List.of("ana", "juan", "luis"));
        DaemonProcess first = w.daemon(capOne, "daemon");
        w.drop("cola.csv", LeadFiles.people(8, "lost", 60_000_000));
        Await.until("the report", Duration.ofMinutes(2), () -> w.reports().size() == 1);
        Path copy = Await.value("the copy of the queue", Duration.ofSeconds(30),
                () -> queueCopies(w).size() == 1 ? queueCopies(w).get(0) : null);
        int queued = Reports.read(copy, ';').size();
        first.terminate(Duration.ofMinutes(3));
        deleteRecursively(w.dir.resolve("state-daemon"));

        Path capHundred = w.config("daemon", Map.of("allocation.daily-cap", "100", "deferred.check-interval", "1s"),
                List.of("ana", "juan", "luis"));
        DaemonProcess second = w.daemon(capHundred, "daemon");
        w.awaitStarted("daemon");
        Thread.sleep(5_000); // five deferred checks
        int missingBefore = 8 - w.leads("lost").size();
        boolean copyKept = Files.exists(copy);
        if (copyKept) {
            Files.copy(copy, w.dir.resolve("recuperadas.csv"));
            Files.move(w.dir.resolve("recuperadas.csv"), w.inbox().resolve("recuperadas.csv"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("the recovered file archived", Duration.ofMinutes(2), () -> w.inboxFiles().isEmpty());
        }
        int stop = second.terminate(Duration.ofMinutes(3));
        w.print("6 state lost, 5 leads deferred; its deferred-queue_<id>.csv dropped, 8", "lost", 8,
                "queue copy listed " + queued + "; after the restart on an empty state: " + missingBefore + " missing, copy "
                        + (copyKept ? "still in the outbox, dropped into the inbox" : "GONE from the outbox (nothing to drop)")
                        + "; report " + w.statuses() + "; exit " + stop);
    }

    /**
     * 6b. Two daemons on one inbox (and so one outbox), each with its own state, both running, seven advisors with a
     * cap of 1. A file of 50 leads: the daemon that takes it creates 7 and defers 43; it is then stopped for
     * maintenance and the other takes the next file of 50 (all deferred). The first one's state is lost: both start
     * again with a cap of 1000, and the admin copies every deferred-queue_*.csv of the outbox into the inbox, the live
     * state's too, which the docs advise against: its daemon releases the same leads, and both at once could create a
     * lead twice; the live state's copy is refused to error/ (its copy in the outbox is marked alive).
     */
    private static void stateOfOneOfTwoDaemonsLostWithDeferredLeads(World w) throws Exception {
        Map<String, String> capOne = Map.of("allocation.daily-cap", "1", "deferred.check-interval", "1s");
        Map<String, DaemonProcess> running = new HashMap<>();
        running.put("a", w.daemon(w.config("a", capOne), "a"));
        running.put("b", w.daemon(w.config("b", capOne), "b"));
        w.awaitStarted("a");
        w.awaitStarted("b");
        w.drop("primero.csv", LeadFiles.people(50, "ambos", 90_000_000));
        Await.until("the first report", Duration.ofMinutes(2), () -> w.reports().size() == 1 && w.inboxFiles().isEmpty());
        String first = w.filesArchivedBy("a") == 1 ? "a" : "b";
        String other = first.equals("a") ? "b" : "a";
        Path copy = Await.value("the first copy of the queue", Duration.ofSeconds(30),
                () -> queueCopies(w).size() == 1 ? queueCopies(w).get(0) : null);
        int listedAfterFirst = Reports.read(copy, ';').size();
        running.get(first).terminate(Duration.ofMinutes(3));
        w.drop("segundo.csv", LeadFiles.HEADER + LeadFiles.rows(51, 100, "ambos", 90_000_000));
        Await.until("the second report", Duration.ofMinutes(2), () -> w.reports().size() == 2 && w.inboxFiles().isEmpty());
        Thread.sleep(1_000); // the copy is rewritten just after the report
        running.get(other).terminate(Duration.ofMinutes(3));
        List<Path> copies = queueCopies(w);
        int listed = 0;
        for (Path c : copies) {
            listed += Reports.read(c, ';').size();
        }

        deleteRecursively(w.dir.resolve("state-" + first));
        Map<String, String> capMany = Map.of("allocation.daily-cap", "1000", "deferred.check-interval", "1s");
        DaemonProcess a2 = w.daemon(w.config("a", capMany), "a");
        DaemonProcess b2 = w.daemon(w.config("b", capMany), "b");
        w.awaitStarted("a");
        w.awaitStarted("b");
        for (Path c : copies) {
            // as the docs say (cp into the inbox): under its own name, by which a live state's copy is recognised
            Path aside = Files.copy(c, w.dir.resolve(c.getFileName()));
            Files.move(aside, w.inbox().resolve(aside.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        Await.until("the recovered files archived", Duration.ofMinutes(2), () -> w.inboxFiles().isEmpty());
        w.awaitStable(() -> w.leads("ambos").size(), Duration.ofSeconds(5), Duration.ofMinutes(2));
        int stopA = a2.terminate(Duration.ofMinutes(3));
        int stopB = b2.terminate(Duration.ofMinutes(3));
        w.print("6b two daemons, one outbox; one state lost with 43 deferred, 100", "ambos", 100,
                "queues: " + first + " 43, " + other + " 50; " + first + "'s copy listed " + listedAfterFirst + " after "
                        + first + "'s file; then " + copies.size() + " copy file(s) listing " + listed + " leads, dropped;"
                        + " refused to error/: " + w.files(w.data("error")).stream().map(p -> p.getFileName().toString())
                                .filter(DeferredQueueCopy::isCopy).count() + ";"
                        + " reports " + w.statuses() + "; exits " + stopA + "/" + stopB);
    }

    /** The copies of deferred queues in the outbox ({@code deferred-queue_<state id>.csv}), one per state. */
    private static List<Path> queueCopies(World w) {
        return w.files(w.data("outbox")).stream()
                .filter(p -> DeferredQueueCopy.isCopy(p.getFileName().toString())).toList();
    }

    /**
     * 7. A sender writes 200 rows, pauses longer than inbox.stable-time (2 s), the daemon takes the file, then the
     * sender appends the last 100 rows: 300 expected.
     */
    private static void fileGrowsAfterItWasTaken(World w) throws Exception {
        w.knobs.latency(Duration.ofMillis(50));
        DaemonProcess daemon = w.daemon(w.config("daemon", Map.of("inbox.stable-time", "2s")), "daemon");
        w.awaitStarted("daemon");
        Files.createDirectories(w.inbox());
        Path file = w.inbox().resolve("creciente.csv");
        Files.writeString(file, LeadFiles.people(200, "grow", 70_000_000), StandardCharsets.UTF_8);
        Await.until("the first create", Duration.ofMinutes(2), () -> w.sandbox.calls("create") >= 1);
        Files.writeString(file, LeadFiles.rows(201, 300, "grow", 70_000_000), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        int createsWhenAppended = w.sandbox.calls("create");
        Await.until("the file archived", Duration.ofMinutes(3), () -> w.inboxFiles().isEmpty());
        Thread.sleep(2_000);
        int stop = daemon.terminate(Duration.ofMinutes(3));
        long archivedRows = 0;
        for (Path p : w.archived()) {
            archivedRows += Files.readAllLines(p, StandardCharsets.UTF_8).size() - 1;
        }
        w.print("7 file taken with 200 rows written, 100 appended later, 300", "grow", 300,
                "appended after " + createsWhenAppended + " creates; archived file has " + archivedRows + " rows; reports "
                        + w.statuses() + "; create requests " + w.sandbox.calls("create") + "; exit " + stop);
    }

    /**
     * 8. Seven advisors with a cap of 1 and a file of 300 leads: 293 deferred. The cap is raised to 1000 and the
     * service restarted; its release of the queue is killed (SIGKILL) after 100 of its creates; the service is
     * started again. Every created lead must appear in exactly one report.
     */
    private static void releaseKilledMidway(World w) throws Exception {
        w.knobs.latency(Duration.ofMillis(50));
        Map<String, String> common = Map.of("deferred.check-interval", "1s", "vtiger.read-timeout", "5s",
                "vtiger.create-settle-time", "10s");
        Map<String, String> capOne = new HashMap<>(common);
        capOne.put("allocation.daily-cap", "1");
        DaemonProcess first = w.daemon(w.config("daemon", capOne), "daemon");
        w.drop("muchos.csv", LeadFiles.people(300, "rel", 80_000_000));
        Await.until("the file's report", Duration.ofMinutes(2), () -> w.reports().size() == 1);
        first.terminate(Duration.ofMinutes(3));
        int createdByTheFile = w.sandbox.calls("create");

        Path capMany = w.config("daemon", Map.of("deferred.check-interval", "1s", "vtiger.read-timeout", "5s",
                "vtiger.create-settle-time", "10s", "allocation.daily-cap", "1000"));
        DaemonProcess releasing = w.daemon(capMany, "daemon");
        Await.until("100 creates of the release", Duration.ofMinutes(2),
                () -> w.sandbox.calls("create") >= createdByTheFile + 100);
        releasing.kill();
        int createsAtKill = w.sandbox.calls("create") - createdByTheFile;
        int reportsAtKill = w.reports().size();
        DaemonProcess restarted = w.daemon(capMany, "daemon");
        Await.until("300 leads in the CRM", Duration.ofMinutes(3), () -> w.leads("rel").size() >= 300);
        // the reports settle: the count of created rows stops changing for 5 s
        w.awaitStable(() -> w.createdInReports().size(), Duration.ofSeconds(5), Duration.ofMinutes(2));
        int stop = restarted.terminate(Duration.ofMinutes(3));
        List<String> listed = w.createdInReports();
        Set<String> inCrm = new TreeSet<>();
        w.sandbox.records("Leads").stream().filter(l -> l.getOrDefault("email", "").startsWith("rel"))
                .forEach(l -> inCrm.add(l.get("id")));
        Set<String> distinct = new TreeSet<>(listed);
        long inNoReport = inCrm.stream().filter(id -> !distinct.contains(id)).count();
        if (listed.size() != distinct.size() || inNoReport > 0) {
            promiseBroken = true;
        }
        w.print("8 release of 293 deferred leads SIGKILLed midway, restart, 300", "rel", 300,
                "killed after " + createsAtKill + " release creates (" + reportsAtKill + " report(s) then); created in"
                        + " reports " + listed.size() + " (distinct " + distinct.size() + "), created leads in no report "
                        + inNoReport + "; " + w.statuses() + "; create requests " + w.sandbox.calls("create") + "; exit " + stop);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record RunResult(int exit, String message, Path report) {
        String reportSummary() {
            if (!Files.exists(report)) {
                return "";
            }
            try {
                Map<String, Integer> statuses = new TreeMap<>();
                Reports.read(report, ';').forEach(r -> statuses.merge(r.get("Status"), 1, Integer::sum));
                return ", its report " + statuses;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One scenario's world: a fresh sandbox, folders under a temporary directory, processes started from it. */
    private static final class World implements AutoCloseable {
        final String id;
        final long began;
        final Path dir;
        final VtigerSandbox sandbox;
        final SandboxKnobs knobs = new SandboxKnobs();
        private final List<DaemonProcess> processes = new ArrayList<>();
        private final List<SmallDisk> disks = new ArrayList<>();
        private final Map<String, Integer> starts = new HashMap<>();

        World(String id, long began) throws IOException {
            this.id = id;
            this.began = began;
            this.dir = Files.createTempDirectory("leadrouter-offpath-" + id + "-");
            SandboxFixture.Builder fixture = SandboxFixture.builder().apiUser("admin", KEY);
            ADVISORS.forEach(a -> fixture.advisor("asesor." + a, true));
            this.sandbox = VtigerSandbox.start(0, fixture.build(), knobs);
            knobs.latency(Duration.ofMillis(20)); // a CRM on the network
        }

        Path inbox() {
            return dir.resolve("data/inbox");
        }

        /** An 8 MB tmpfs mounted on {@code folder}, unmounted at the end; null where mounting is not allowed. */
        SmallDisk smallDisk(Path folder) throws IOException, InterruptedException {
            SmallDisk disk = SmallDisk.mount(folder, 8);
            if (disk != null) {
                disks.add(disk);
            }
            return disk;
        }

        Path data(String folder) {
            return dir.resolve("data").resolve(folder);
        }

        Path config(String name, Map<String, String> overrides) throws IOException {
            return config(name, overrides, ADVISORS);
        }

        /** A properties file for process {@code name} (its own state.dir {@code state-<name>}), given advisors only. */
        Path config(String name, Map<String, String> overrides, List<String> advisors) throws IOException {
            Map<String, String> m = new TreeMap<>();
            m.put("vtiger.url", sandbox.baseUrl().toString());
            m.put("vtiger.username", "admin");
            m.put("vtiger.access-key", KEY);
            m.put("state.dir", dir.resolve("state-" + name).toString());
            m.put("paths.inbox", inbox().toString());
            m.put("mode", "apply");
            m.put("language", "en");
            m.put("management.enabled", "false");
            m.put("allocation.daily-cap", "1000");
            m.put("inbox.poll-interval", "200ms");
            m.put("inbox.stable-time", "0s");
            // the defaults (15 s, 5 min) would make a waiting file slow to measure; the rules are the same
            m.put("inbox.retry.initial-backoff", "1s");
            m.put("inbox.retry.max-backoff", "5s");
            m.put("advisors.include", String.join(",", advisors.stream().map(a -> "asesor." + a).toList()));
            m.putAll(overrides);
            StringBuilder text = new StringBuilder();
            m.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            return Files.writeString(dir.resolve(name + ".properties"), text.toString());
        }

        /** Starts the jar as {@code daemon}; its output goes to {@code <name>.log}. */
        DaemonProcess daemon(Path config, String name) throws IOException {
            starts.merge(name, 1, Integer::sum);
            DaemonProcess p = DaemonProcess.start(JAR, config, log(name));
            processes.add(p);
            return p;
        }

        Path log(String name) {
            return dir.resolve(name + ".log");
        }

        /** Waits for the latest start of process {@code name} to log that it started. */
        void awaitStarted(String name) {
            int n = starts.getOrDefault(name, 0);
            Await.until(name + " started", Duration.ofMinutes(2), () -> occurrences(readLog(name), "leadrouter started") >= n);
        }

        String readLog(String name) {
            try {
                return Files.exists(log(name)) ? Files.readString(log(name), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long logBytes(String name) throws IOException {
            return Files.exists(log(name)) ? Files.size(log(name)) : 0;
        }

        long logLines(String name) {
            return readLog(name).lines().count();
        }

        /** Files process {@code name} archived, by its one log line per file ("… archived as …"). */
        int filesArchivedBy(String name) {
            return (int) readLog(name).lines().filter(l -> l.contains("; archived as ")).count();
        }

        /** `leadrouter run <file> --apply` as a process of its own, launched now; waits for it to end. */
        RunResult run(Path file, Path config) throws IOException, InterruptedException {
            String javaCommand = ProcessHandle.current().info().command().orElse("java");
            Path report = dir.resolve("run-report.csv");
            Path out = dir.resolve("run.log");
            Process p = new ProcessBuilder(javaCommand, "-Xmx256m", "-jar", JAR.toString(), "run", file.toString(), "--apply",
                    "--config", config.toString(), "--output", report.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("run did not end within 5 minutes");
            }
            // what the user reads: the error line, or else the summary's "created" line (not the INFO log lines)
            List<String> lines = Files.readString(out, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.matches("^\\d{4}-\\d\\d-\\d\\d .* (INFO|DEBUG) .*")).map(String::strip).toList();
            String message = lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("error")
                    || l.contains("being processed by")).findFirst()
                    .or(() -> lines.stream().filter(l -> l.startsWith("created")).findFirst()).orElse("")
                    .replace(dir.toString(), "…").replaceAll("\\s+", " ");
            if (message.length() > 140) {
                message = message.substring(0, 140) + "…";
            }
            return new RunResult(p.exitValue(), message, report);
        }

        Path drop(String name, String content) throws IOException {
            return drop(name, content.getBytes(StandardCharsets.UTF_8));
        }

        /** Written aside, then moved into the inbox, as a careful sender does. */
        Path drop(String name, byte[] content) throws IOException {
            Files.createDirectories(inbox());
            Path aside = Files.write(dir.resolve(name + ".tmp"), content);
            return Files.move(aside, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }

        List<Path> files(Path folder) {
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            for (int attempt = 1; ; attempt++) {
                try (Stream<Path> s = Files.walk(folder)) {
                    return s.filter(Files::isRegularFile)
                            .filter(p -> !p.getParent().getFileName().toString().equals(FileClaim.FOLDER)).sorted().toList();
                } catch (UncheckedIOException | IOException e) {
                    if (attempt == 10) { // the daemon moved a file while the folder was listed: list again
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** The lead files still in the inbox (not the daemon's claims). */
        List<String> inboxFiles() {
            return files(inbox()).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).toList();
        }

        List<Path> archived() {
            return files(data("archive"));
        }

        /** The finished reports in the outbox (not hidden files being written, not the queue's copy nor the glance page). */
        List<Path> reports() {
            return files(data("outbox")).stream().filter(Reports::isReport).toList();
        }

        /** Status counts over every report in the outbox. */
        Map<String, Integer> statuses() throws IOException {
            Map<String, Integer> counts = new TreeMap<>();
            for (Path r : reports()) {
                Reports.read(r, ';').forEach(row -> counts.merge(row.get("Status"), 1, Integer::sum));
            }
            return counts;
        }

        /** Lead ids reported created, over every report in the outbox. */
        List<String> createdInReports() {
            List<String> ids = new ArrayList<>();
            for (Path r : reports()) {
                try {
                    Reports.read(r, ';').stream().filter(row -> "created".equals(row.get("Status")))
                            .forEach(row -> ids.add(row.get("LeadID")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return ids;
        }

        /** Empty regular files anywhere in the data folders. */
        long emptyFiles() throws IOException {
            long n = 0;
            for (Path p : files(dir.resolve("data"))) {
                if (Files.size(p) == 0) {
                    n++;
                }
            }
            return n;
        }

        /** Leads in the CRM whose email starts with {@code prefix}, by email. */
        Map<String, Integer> leads(String prefix) {
            Map<String, Integer> perEmail = new HashMap<>();
            sandbox.records("Leads").stream().map(l -> l.getOrDefault("email", "")).filter(e -> e.startsWith(prefix))
                    .forEach(e -> perEmail.merge(e, 1, Integer::sum));
            return perEmail;
        }

        void awaitStable(java.util.function.IntSupplier value, Duration quiet, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int last = value.getAsInt();
            long since = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Thread.sleep(200);
                int now = value.getAsInt();
                if (now != last) {
                    last = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since >= quiet.toNanos()) {
                    return;
                }
            }
        }

        /** Prints the scenario's line: expected, in the CRM, twice, missing, reports, wall time, notes. */
        void print(String name, String prefix, int expected, String notes) {
            Map<String, Integer> perEmail = leads(prefix);
            int inCrm = perEmail.values().stream().mapToInt(Integer::intValue).sum();
            long twice = perEmail.values().stream().filter(n -> n > 1).count();
            long missing = 0;
            for (int i = 1; i <= expected; i++) {
                if (!perEmail.containsKey(prefix + i + "@example.com")) {
                    missing++;
                }
            }
            if (twice > 0 || missing > 0) {
                promiseBroken = true;
            }
            System.out.printf(LINE, name, expected, inCrm, twice, missing, reports().size(),
                    String.format("%.1f", seconds(began)), notes);
        }

        @Override
        public void close() throws Exception {
            for (DaemonProcess p : processes) {
                p.close();
            }
            sandbox.close();
            for (SmallDisk d : disks) {
                d.close();
            }
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("   kept " + dir);
            } else {
                deleteRecursively(dir);
            }
        }
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
