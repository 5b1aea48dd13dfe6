package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.DaemonProcess;
import org.leadrouter.testing.LeadFiles;

/**
 * A file the service's user may not read (mode 0600, another owner), dropped ahead of a good one: the real daemon,
 * running as an ordinary user ({@code nobody}, as under systemd), moves it to error/ with the reason in the team's
 * words and takes the good file at once; health's disk stays UP while they wait. Root reads any file, so the daemon
 * must not run as root here: the test needs root to start it as {@code nobody} and is skipped otherwise.
 */
class UnreadableInputIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @TempDir
    Path dir;

    @Test
    void aPrivateFileOfAnotherUserGoesToErrorAndTheGoodFileBehindItIsTakenAtOnce() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root to run the daemon as nobody");
        SandboxFixture fixture = SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            int port = freePort();
            Path home = Files.createDirectory(dir.resolve("service"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(home, users.lookupPrincipalByName("nobody"));
            Path inbox = home.resolve("data/inbox");
            Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                    "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                    "state.dir=" + home.resolve("state"), "paths.inbox=" + inbox, "mode=apply", "language=es",
                    "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.port=" + port,
                    "management.host=127.0.0.1", ""));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

            try (DaemonProcess daemon = DaemonProcess.start(JAR, config, dir.resolve("daemon.log"),
                    List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"))) {
                Await.until("started", Duration.ofSeconds(60), () -> daemon.log().contains("leadrouter started"));

                // root's private file, older than the good one: taken first
                Path secret = Files.writeString(dir.resolve("secret.tmp"), HEADER
                        + "Eva Privada;eva.privada@example.com;;Salud;28/07/2025;Portales\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
                Files.setLastModifiedTime(secret, FileTime.from(Instant.now().minusSeconds(600)));
                Files.move(secret, inbox.resolve("privado.csv"), StandardCopyOption.ATOMIC_MOVE);
                Path good = dir.resolve("good.tmp");
                Files.writeString(good, LeadFiles.people(2, "bueno", 20_000_000), StandardCharsets.UTF_8);
                Files.setLastModifiedTime(good, FileTime.from(Instant.now().minusSeconds(300)));
                Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(good, inbox.resolve("bueno.csv"), StandardCopyOption.ATOMIC_MOVE);

                List<String> health = new ArrayList<>();
                Await.until("the good file archived", Duration.ofSeconds(60), () -> {
                    health.add(health(port));
                    return !Files.exists(inbox.resolve("bueno.csv"));
                });
                assertThat(health).as("health while the files waited").noneMatch(h -> h.contains("\"DOWN\""));
                assertThat(sandbox.records("Leads")).hasSize(2);

                Path explanation = home.resolve("data/error/privado.csv.error.txt");
                Await.until("the private file in error/", Duration.ofSeconds(30), () -> Files.exists(explanation));
                assertThat(Files.readString(explanation)).contains("no tiene permiso para leer este archivo")
                        .doesNotContain("Exception").doesNotContain("denied");
                assertThat(sandbox.records("Leads").stream().map(l -> l.get("email")))
                        .doesNotContain("eva.privada@example.com");
                assertThat(daemon.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }

    private static String health(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body().replaceAll("\\s+", "");
        } catch (IOException | InterruptedException e) {
            return "unreachable " + e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
