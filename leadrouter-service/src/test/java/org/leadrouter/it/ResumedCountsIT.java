package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;

/** The real jar killed mid-file and restarted: the page's loads and the remaining-capacity gauge count each lead once. */
class ResumedCountsIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final int ROWS = 120;
    private static final int CAP = 100;
    private static final Pattern PAGE_LOAD = Pattern.compile("title=\"(asesor\\.\\w+): (\\d+) of (\\d+) leads today\"");
    private static final Pattern REMAINING = Pattern.compile(
            "(?m)^leadrouter_advisor_remaining_capacity\\{advisor=\"(asesor\\.\\w+)\",?\\} (\\d+)");

    @TempDir
    Path dir;

    @Test
    void killedMidFileThenResumedTheLoadsOnThePageAndTheGaugeAreWhatVtigerHolds() throws Exception {
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).advisor("asesor.luis", true).build();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SandboxKnobs knobs = new SandboxKnobs();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture, knobs)) {
            knobs.latency(Duration.ofMillis(15));
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + dir.resolve("state"), "paths.inbox=" + dir.resolve("data/inbox"), "mode=apply",
                    "language=en", "allocation.daily-cap=" + CAP, "inbox.poll-interval=100ms", "inbox.stable-time=0s",
                    "management.host=127.0.0.1", "management.port=" + port,
                    "vtiger.read-timeout=5s", "vtiger.create-settle-time=10s", ""));
            Path log = dir.resolve("daemon.log");
            Path inbox = dir.resolve("data/inbox");

            DaemonProcess first = DaemonProcess.start(JAR, config, log);
            Await.until("daemon started", Duration.ofSeconds(60), () -> Files.isDirectory(inbox));
            Path aside = Files.writeString(dir.resolve("aside.csv"), LeadFiles.people(ROWS, "cuenta", 30_000_000));
            Files.move(aside, inbox.resolve("campaña.csv"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("a third of the leads created", Duration.ofSeconds(60), () -> sandbox.calls("create") >= ROWS / 3);
            first.kill();
            assertThat(sandbox.calls("create")).isLessThan(ROWS);

            knobs.latency(Duration.ZERO);
            try (DaemonProcess second = DaemonProcess.start(JAR, config, log)) {
                Await.until("file archived", Duration.ofSeconds(90), () -> !Files.exists(inbox.resolve("campaña.csv")));
                Map<String, Integer> inVtiger = vtigerLoads(sandbox);
                assertThat(inVtiger.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS);

                Path page = Await.value("the page", Duration.ofSeconds(30), () -> glancePage(dir.resolve("data/outbox")));
                Await.until("the page written after the file", Duration.ofSeconds(30), () -> pageLoads(page).size() == 3);
                assertThat(pageLoads(page)).isEqualTo(inVtiger);

                Map<String, Integer> remaining = remaining(port);
                inVtiger.forEach((advisor, load) ->
                        assertThat(remaining.get(advisor)).as(advisor).isEqualTo(CAP - load));
                second.terminate(Duration.ofSeconds(30));
            }
        }
    }

    private static Map<String, Integer> vtigerLoads(VtigerSandbox sandbox) {
        Map<String, String> names = sandbox.records("Users").stream()
                .filter(u -> u.get("user_name").startsWith("asesor."))
                .collect(Collectors.toMap(u -> u.get("id"), u -> u.get("user_name")));
        Map<String, Integer> loads = new TreeMap<>();
        names.values().forEach(n -> loads.put(n, 0));
        sandbox.records("Leads").forEach(l -> loads.merge(names.get(l.get("assigned_user_id")), 1, Integer::sum));
        return loads;
    }

    /** The "today at a glance" page: the one .html file of the outbox. */
    private static Path glancePage(Path outbox) {
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".html")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Map<String, Integer> pageLoads(Path page) {
        Map<String, Integer> loads = new TreeMap<>();
        try {
            Matcher m = PAGE_LOAD.matcher(Files.readString(page));
            while (m.find()) {
                loads.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        } catch (java.io.IOException e) {
            return Map.of(); // being replaced at this moment
        }
        return loads;
    }

    private static Map<String, Integer> remaining(int port) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Integer> remaining = new TreeMap<>();
        Matcher m = REMAINING.matcher(metrics.body());
        while (m.find()) {
            remaining.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(remaining).as(metrics.body()).hasSize(3);
        return remaining;
    }
}
