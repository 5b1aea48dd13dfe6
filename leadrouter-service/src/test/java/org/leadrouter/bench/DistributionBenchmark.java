package org.leadrouter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;

/**
 * Measures, side by side in one run against a sandboxed VTiger holding 20,000 leads and 5,000 contacts with 50 ms added
 * to every request (a CRM hosted elsewhere), 1,000-row files: the call pattern of the script leadrouter replaces
 * (per-lead lookups, sequential), then {@code run --apply} at {@code vtiger.max-concurrency=1} and at the default, each
 * on a fresh state and again with the state kept, and once at 8; then the CPU path: a dry-run of a 100,000-row file
 * with the state warm, in a JVM of its own with a 256 MB heap and no added latency; then a 1,000,000-row file with the
 * input limits raised in the same heap. Prints wall times, API calls per created lead, rows per status, rows per
 * second and peak heap.
 *
 * <p>Usage: {@code DistributionBenchmark [seed] [workDir]}; {@code -Dbench.latency-ms=50}, {@code -Dbench.cpu-rows=100000},
 * {@code -Dbench.huge-rows=1000000} (0 leaves that run out).
 */
public final class DistributionBenchmark {
    private static final int ROWS = 1000;
    private static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);
    private static final int CPU_ROWS = Integer.getInteger("bench.cpu-rows", 100_000);
    /** A file beyond what the heap holds, with the input limits raised: it must be refused clearly (0 skips it). */
    private static final int HUGE_ROWS = Integer.getInteger("bench.huge-rows", 1_000_000);
    private static final String CPU_HEAP = "-Xmx256m";
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final String HEADER = "Nombre,Email,Teléfono,Curso Interesado,Fecha entrada,Origen del leads";
    private static final List<String> FIRST = List.of("Juan", "María", "José", "Lucía", "Antonio", "Carmen",
            "Manuel", "Ana", "Francisco", "Isabel", "David", "Laura", "Javier", "Marta", "Daniel", "Cristina",
            "Carlos", "Paula", "Miguel", "Elena", "Alejandro", "Sara", "Rafael", "Pilar", "Pablo", "Nuria", "Sergio",
            "Raquel", "Fernando", "Rocío", "Jorge", "Begoña", "Álvaro", "Inés", "Íñigo", "Montserrat", "Jesús",
            "Ainhoa", "Xavier", "Iratxe", "María José", "Juan Carlos", "José Luis", "Ana Belén");
    private static final List<String> SURNAMES = List.of("García", "Rodríguez", "González", "Fernández", "López",
            "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
            "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez",
            "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Castro", "Ortiz", "Rubio", "Marín", "Sanz",
            "Iglesias", "Núñez", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano",
            "de la Fuente", "del Río", "de los Santos", "Etxeberria", "Puig");
    private static final List<String> DOMAINS = List.of("gmail.com", "hotmail.com", "hotmail.es", "yahoo.es",
            "outlook.com", "telefonica.net", "icloud.com");
    private static final List<String> COURSES = List.of("Salud", "Electricidad", "Administración y Finanzas",
            "Marketing Digital", "Cocina y Gastronomía", "Educación Infantil", "Desarrollo Web", "Farmacia");
    private static final List<String> ORIGINS = List.of("Portales", "SEO", "Facebook", "Google Ads", "Instagram",
            "Referido", "Feria");

    private DistributionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("leadrouter-bench");

        System.out.printf("leadrouter distribution benchmark (seed %d, work dir %s)%n", seed, work);
        long t0 = System.nanoTime();
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, SandboxFixture.generated(20000, 5000, seed), knobs)) {
            System.out.printf("sandbox: %d leads, %d contacts, started in %d ms; %d ms added to every request%n",
                    sandbox.records("Leads").size(), sandbox.records("Contacts").size(),
                    (System.nanoTime() - t0) / 1_000_000, LATENCY_MS);
            LeadFileMaker maker = new LeadFileMaker(new Random(seed), sandbox);
            List<Path> files = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                files.add(maker.write(work.resolve("leads_bench_" + i + ".csv"), i, ROWS));
            }
            System.out.printf("files: leads_bench_1..6.csv, %d rows each (%d already in the CRM, %d in-file duplicates, "
                    + "%d invalid rows), a new file for each run%n%n", ROWS, LeadFileMaker.CRM_DUPLICATES,
                    LeadFileMaker.IN_FILE_DUPLICATES, LeadFileMaker.INVALID);
            knobs.latency(Duration.ofMillis(LATENCY_MS));

            List<Result> results = new ArrayList<>();
            results.add(baseline(sandbox, files.get(0)));
            Path stateOne = Files.createDirectories(work.resolve("state-c1-" + System.nanoTime()));
            Path configOne = writeConfig(work.resolve("bench-c1.properties"), sandbox, stateOne, 1);
            results.add(run("leadrouter c=1, fresh state", sandbox, files.get(1), configOne, work, true));
            results.add(run("leadrouter c=1, state kept", sandbox, files.get(2), configOne, work, true));
            Path stateDefault = Files.createDirectories(work.resolve("state-c" + DEFAULT_CONCURRENCY + "-" + System.nanoTime()));
            Path configDefault = writeConfig(work.resolve("bench-default.properties"), sandbox, stateDefault, DEFAULT_CONCURRENCY);
            results.add(run("leadrouter c=" + DEFAULT_CONCURRENCY + " (default), fresh state", sandbox, files.get(3),
                    configDefault, work, true));
            results.add(run("leadrouter c=" + DEFAULT_CONCURRENCY + " (default), state kept", sandbox, files.get(4),
                    configDefault, work, true));
            Path configEight = writeConfig(work.resolve("bench-c8.properties"), sandbox, stateDefault, 8);
            results.add(run("leadrouter c=8, state kept", sandbox, files.get(5), configEight, work, true));

            Result old = results.get(0);
            System.out.printf("summary, %d ms added to every request%n", LATENCY_MS);
            System.out.printf("  %-40s %9s %7s %8s %11s %9s%n", "run (1,000 rows)", "wall s", "calls", "created",
                    "calls/lead*", "speed-up");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "  %-40s %9.1f %7d %8d %11.2f %8.1fx%n", r.name, r.millis / 1000.0,
                        r.totalCalls, r.created(), r.callsPerCreated(), old.millis / (double) r.millis);
            }
            System.out.println("  * API calls per created lead, logins and queries included; speed-up: baseline wall / run wall");
            System.out.println();

            knobs.latency(Duration.ZERO);
            Path big = maker.write(work.resolve("leads_bench_cpu.csv"), 9, CPU_ROWS);
            cpuPath("CPU path: dry-run of " + String.format(Locale.ROOT, "%,d", CPU_ROWS) + " rows, state warm",
                    sandbox, big, CPU_ROWS, configDefault);
            if (HUGE_ROWS > 0) {
                Path huge = maker.write(work.resolve("leads_bench_huge.csv"), 10, HUGE_ROWS);
                Properties raised = new Properties();
                try (Reader r = Files.newBufferedReader(configDefault, StandardCharsets.UTF_8)) {
                    raised.load(r);
                }
                raised.setProperty("input.max-rows", "10000000");
                raised.setProperty("input.max-bytes", "2GB");
                Path configRaised = work.resolve("bench-raised-limits.properties");
                try (Writer w = Files.newBufferedWriter(configRaised, StandardCharsets.UTF_8)) {
                    raised.store(w, "leadrouter benchmark, input limits raised");
                }
                Files.setPosixFilePermissions(configRaised, PosixFilePermissions.fromString("rw-------"));
                cpuPath(String.format(Locale.ROOT, "a %,d-row file (%.0f MB), input.max-rows and input.max-bytes raised",
                        HUGE_ROWS, Files.size(huge) / 1048576.0), sandbox, huge, HUGE_ROWS, configRaised);
            }
        }
    }

    /** The old script's call pattern on one file. */
    private static Result baseline(VtigerSandbox sandbox, Path csv) throws Exception {
        sandbox.resetCallCounts();
        String name = "per-lead lookups (old script), sequential";
        long start = System.nanoTime();
        int created = new PerLeadLookupsBaseline(sandbox.baseUrl().resolve("webservice.php"), "admin", "sandbox-demo-key").run(csv);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> calls = new TreeMap<>(sandbox.callCounts());
        Result r = new Result(name, millis, calls, Map.of("created", created), 0);
        System.out.println(name);
        System.out.printf("  wall time            %d ms%n", millis);
        System.out.printf("  API calls            %s (total %d)%n", calls, r.totalCalls);
        System.out.printf("  created              %d%n%n", created);
        return r;
    }

    /**
     * The CPU path: a dry-run of a large file with the state warm (the CRM's keys already copied), in a JVM of its own
     * with a 256 MB heap, against the sandbox without added latency (a dry-run's few queries do not depend on the rows).
     */
    private static void cpuPath(String title, VtigerSandbox sandbox, Path big, int rows, Path config) throws Exception {
        Path report = big.resolveSibling("report_" + big.getFileName().toString().replace(".csv", "") + "_" + System.nanoTime() + ".csv");
        sandbox.resetCallCounts();
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(javaBinary, CPU_HEAP, "-cp", System.getProperty("java.class.path"),
                CpuPathProbe.class.getName(), "run", big.toString(), "--output", report.toString(),
                "--config", config.toString());
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor();
        long withJvm = (System.nanoTime() - start) / 1_000_000;
        String probe = output.lines().filter(l -> l.startsWith("probe ")).findFirst().orElse("");
        System.out.printf("%s, %s, no added latency%n", title, CPU_HEAP);
        if (probe.isEmpty()) {
            System.out.println("  the run did not finish:\n" + output);
            return;
        }
        String[] p = probe.split(" ");
        long millis = Long.parseLong(p[2]);
        long heap = Long.parseLong(p[3]);
        System.out.printf("  exit code            %s%n", p[1]);
        String stderr = output.substring(output.indexOf(probe) + probe.length()).strip();
        if (!stderr.isEmpty()) {
            System.out.printf("  stderr               %s%n", stderr.replace("\n", "\n                       "));
        }
        System.out.printf("  API calls            %s%n", new TreeMap<>(sandbox.callCounts()));
        long threadCpu = Long.parseLong(p[4]);
        long processCpu = Long.parseLong(p[5]);
        if (p[1].equals("0")) {
            System.out.printf("  rows per status      %s%n", statuses(report));
            System.out.printf(Locale.ROOT, "  in-process          %7d ms  %,9.0f rows/s (read, normalise, dedupe, allocate, "
                    + "report)%n", millis, rows * 1000.0 / millis);
            System.out.printf(Locale.ROOT, "  with JVM start      %7d ms  %,9.0f rows/s%n", withJvm, rows * 1000.0 / withJvm);
            System.out.printf(Locale.ROOT, "  pipeline CPU        %7d ms  %,9.0f rows per CPU second (the run's own thread, "
                    + "whatever the machine's load)%n", threadCpu, rows * 1000.0 / Math.max(1, threadCpu));
        } else {
            System.out.printf(Locale.ROOT, "  in-process          %7d ms  (with JVM start %d ms)%n", millis, withJvm);
        }
        System.out.printf(Locale.ROOT, "  process CPU         %7d ms  (with the JIT compiler and the garbage collector; "
                + "load average %.1f on %d cores)%n", processCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  peak heap           %7.1f MB of %s (sampled every 5 ms)%n", heap / 1048576.0, CPU_HEAP);
    }

    private static Result run(String name, VtigerSandbox sandbox, Path csv, Path config, Path work, boolean apply)
            throws IOException {
        sandbox.resetCallCounts();
        System.gc();
        HeapPeak.reset();
        Path report = work.resolve("report_" + csv.getFileName().toString().replace(".csv", "")
                + (apply ? "_apply" : "_dry") + "_" + System.nanoTime() + ".csv");
        List<String> args = new ArrayList<>(List.of("run", csv.toString(), "--output", report.toString(),
                "--config", config.toString()));
        if (apply) {
            args.add("--apply");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = cli.execute(args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heap = HeapPeak.bytes();
        Map<String, Integer> calls = new TreeMap<>(sandbox.callCounts());
        Map<String, Integer> statuses = statuses(report);

        Result r = new Result(name, millis, calls, statuses, heap);
        System.out.println(name);
        System.out.printf("  exit code            %d%s%n", exit, exit == 0 ? "" : "  (stderr: " + err.toString().strip() + ")");
        System.out.printf("  wall time            %d ms%n", millis);
        System.out.printf("  API calls            %s (total %d)%n", calls, r.totalCalls);
        System.out.printf(Locale.ROOT, "  calls per lead       %.3f per created lead (%d calls / %d created)%n",
                r.callsPerCreated(), r.totalCalls, r.created());
        System.out.printf("  rows per status      %s%n", statuses);
        System.out.printf(Locale.ROOT, "  peak heap            %.1f MB (heap in use, sampled every 5 ms; the sandbox's data included)%n%n",
                heap / 1048576.0);
        return r;
    }

    private static Map<String, Integer> statuses(Path report) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        if (!Files.exists(report)) {
            return counts;
        }
        String text = Files.readString(report, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                String status = rec.get("Status");
                counts.merge(status.startsWith("error") ? "error" : status, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Path writeConfig(Path file, VtigerSandbox sandbox, Path stateDir, int concurrency) throws IOException {
        Properties p = new Properties();
        p.setProperty("vtiger.url", sandbox.baseUrl().toString());
        p.setProperty("vtiger.username", "admin");
        p.setProperty("vtiger.access-key", "sandbox-demo-key");
        p.setProperty("vtiger.server-timezone", "Europe/Madrid");
        p.setProperty("vtiger.max-concurrency", Integer.toString(concurrency));
        p.setProperty("state.dir", stateDir.toString());
        // 4 active advisors; a cap high enough that every file can be created in full today
        p.setProperty("allocation.daily-cap", "10000");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "leadrouter benchmark");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // it holds the access key
        return file;
    }

    private static final class Result {
        final String name;
        final long millis;
        final Map<String, Integer> calls;
        final Map<String, Integer> statuses;
        final long peakHeapBytes;
        final int totalCalls;

        Result(String name, long millis, Map<String, Integer> calls, Map<String, Integer> statuses, long peakHeapBytes) {
            this.name = name;
            this.millis = millis;
            this.calls = calls;
            this.statuses = statuses;
            this.peakHeapBytes = peakHeapBytes;
            this.totalCalls = calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        int created() {
            return statuses.getOrDefault("created", 0);
        }

        double callsPerCreated() {
            return created() == 0 ? Double.NaN : totalCalls / (double) created();
        }
    }

    /** Writes realistic files of new leads, with some people already in the CRM, repeated or unusable. */
    private static final class LeadFileMaker {
        static final int CRM_DUPLICATES = 50;
        static final int IN_FILE_DUPLICATES = 6;
        static final int INVALID = 5;

        private static final java.util.regex.Pattern VALID_MOBILE = java.util.regex.Pattern.compile("(6|7[1-4]|[89])\\d{8}");

        private final Random random;
        private final List<Map<String, String>> crmPeople = new ArrayList<>();
        private final Set<String> usedEmails = new HashSet<>();
        private final Set<String> usedPhones = new HashSet<>();
        private int serial;

        LeadFileMaker(Random random, VtigerSandbox sandbox) {
            this.random = random;
            for (String module : List.of("Leads", "Contacts")) {
                for (Map<String, String> r : sandbox.records(module)) {
                    for (String f : List.of("email", "secondaryemail")) {
                        String e = r.getOrDefault(f, "");
                        if (!e.isBlank()) {
                            usedEmails.add(e.strip().toLowerCase(Locale.ROOT));
                        }
                    }
                    for (String f : List.of("phone", "mobile", "homephone", "otherphone")) {
                        String digits = r.getOrDefault(f, "").replaceAll("[^0-9]", "");
                        if (digits.length() >= 9) {
                            usedPhones.add(digits.substring(digits.length() - 9));
                        }
                    }
                    if (!r.getOrDefault("email", "").isBlank() || VALID_MOBILE.matcher(lastNine(r.get("phone"))).matches()) {
                        crmPeople.add(r);
                    }
                }
            }
        }

        Path write(Path file, int fileIndex, int total) throws IOException {
            List<String[]> rows = new ArrayList<>(total);
            int regular = total - CRM_DUPLICATES - IN_FILE_DUPLICATES - INVALID;
            for (int i = 0; i < regular; i++) {
                rows.add(newPerson(fileIndex));
            }
            for (int i = 0; i < CRM_DUPLICATES; i++) {
                rows.add(crmDuplicate());
            }
            for (int i = 0; i < IN_FILE_DUPLICATES; i++) {
                String[] earlier = rows.get(random.nextInt(regular));
                String[] copy = newPerson(fileIndex);
                if (i % 2 == 0) {
                    copy[1] = earlier[1].toUpperCase(Locale.ROOT);
                } else {
                    copy[2] = earlier[2];
                    copy[1] = "";
                }
                rows.add(copy);
            }
            for (int i = 0; i < INVALID; i++) {
                String[] bad = newPerson(fileIndex);
                switch (i % 3) {
                    case 0 -> bad[0] = "";
                    case 1 -> { bad[1] = "sin-arroba.example.com"; bad[2] = ""; }
                    default -> { bad[1] = ""; bad[2] = "llamar tarde"; }
                }
                rows.add(bad);
            }
            // spread the duplicates and the invalid rows over the file, as they come in real exports
            java.util.Collections.shuffle(rows.subList(1, rows.size()), random);
            StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
            CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
            for (String[] row : rows) {
                csv.append(format.format((Object[]) row)).append("\r\n");
            }
            return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        }

        private String[] newPerson(int fileIndex) {
            String first = pick(FIRST);
            String last = pick(SURNAMES) + " " + pick(SURNAMES);
            String email;
            do {
                email = ascii(first) + "." + ascii(last.split(" ")[last.startsWith("de") ? 2 : 0]) + "." + fileIndex
                        + (serial++) + "@" + pick(DOMAINS);
            } while (!usedEmails.add(email));
            String digits;
            do {
                // Spanish mobiles: 6xx xx xx xx and 71x-74x
                digits = random.nextInt(4) > 0 ? "6" + String.format("%08d", random.nextInt(100_000_000))
                        : "7" + (1 + random.nextInt(4)) + String.format("%07d", random.nextInt(10_000_000));
            } while (!usedPhones.add(digits));
            return new String[] {first + " " + last, email, typed(digits), pick(COURSES), date(), pick(ORIGINS)};
        }

        private String[] crmDuplicate() {
            Map<String, String> p = crmPeople.get(random.nextInt(crmPeople.size()));
            String name = (p.getOrDefault("firstname", "") + " " + p.getOrDefault("lastname", "")).strip();
            String email = p.getOrDefault("email", "");
            String phone = p.getOrDefault("phone", "");
            boolean validPhone = VALID_MOBILE.matcher(lastNine(phone)).matches();
            boolean byEmail = !email.isBlank() && (!validPhone || random.nextBoolean());
            if (byEmail) {
                return new String[] {name, email.toUpperCase(Locale.ROOT), "", pick(COURSES), date(), pick(ORIGINS)};
            }
            return new String[] {name, "", typed(lastNine(phone)), pick(COURSES), date(),
                    pick(ORIGINS)};
        }

        private static String lastNine(String phone) {
            String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
            return digits.length() >= 9 ? digits.substring(digits.length() - 9) : digits;
        }

        /** A Spanish number as people type it into web forms. */
        private String typed(String n) {
            return switch (random.nextInt(5)) {
                case 0 -> "+34 " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5, 7) + " " + n.substring(7);
                case 1 -> n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
                case 2 -> "0034" + n;
                case 3 -> n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
                default -> n;
            };
        }

        private String date() {
            return String.format("%02d/%02d/2025", 1 + random.nextInt(28), 1 + random.nextInt(12));
        }

        private String pick(List<String> options) {
            return options.get(random.nextInt(options.size()));
        }

        private static String ascii(String s) {
            return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replace(" ", "");
        }
    }
}
