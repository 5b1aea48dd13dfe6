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
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * words and takes the good file at once; health's disk stays UP while they wait. In a shared drop folder with the
 * sticky bit, where such a file cannot even be moved, it is skipped, shown on the page, and the good file goes on.
 * Root reads any file, so the daemon must not run as root here: the test needs root to start it as {@code nobody}
 * and is skipped otherwise.
 */
class UnreadableInputIT {
    private static final Path JAR = Path.of("target", "leadrouter.jar");
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @TempDir
    Path dir;

    @Test
    void aPrivateFileOfAnotherUserGoesToErrorAndTheGoodFileBehindItIsTakenAtOnce() throws Exception {
        assumeRootWithSetpriv();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture())) {
            int port = freePort();
            Path home = serviceHome();
            Path inbox = home.resolve("data/inbox");
            try (DaemonProcess daemon = startAsNobody(sandbox, home, port)) {
                dropPrivateThenGood(inbox, false);

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

    @Test
    void aPrivateFileThatCannotEvenBeMovedIsSkippedShownOnThePageAndTheGoodFileGoesOn() throws Exception {
        assumeRootWithSetpriv();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture())) {
            int port = freePort();
            Path home = serviceHome();
            // a shared drop folder (like /tmp): anyone may drop files, only a file's owner may move it away
            Files.setOwner(Files.createDirectory(home.resolve("data")), nobody());
            Path inbox = Files.createDirectory(home.resolve("data/inbox"));
            Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setAttribute(inbox, "unix:mode", 01777);
            try (DaemonProcess daemon = startAsNobody(sandbox, home, port)) {
                dropPrivateThenGood(inbox, true);

                List<String> health = new ArrayList<>();
                Await.until("the good file archived", Duration.ofSeconds(60), () -> {
                    health.add(health(port));
                    return !Files.exists(inbox.resolve("bueno.csv"));
                });
                assertThat(sandbox.records("Leads")).hasSize(2);
                Path page = home.resolve("data/outbox/hoy.html");
                Await.until("the page names the file left in the inbox", Duration.ofSeconds(30),
                        () -> read(page).contains("privado.csv se queda en la bandeja"));
                assertThat(read(page)).contains("no se puede sacar de la bandeja de entrada")
                        .contains("Avise al administrador").doesNotContain("Exception")
                        .doesNotContain("La bandeja no avanza");
                health.add(health(port));
                assertThat(health).as("health while the file is skipped").noneMatch(h -> h.contains("\"DOWN\""))
                        .last().asString().contains("\"inbox\"");
                // the skipped file waits for the administrator, not for the daemon: the other files' wait is gauged
                Await.until("no file waits but the skipped one", Duration.ofSeconds(30), () -> java.util.regex.Pattern
                        .compile("(?m)^leadrouter_inbox_oldest_age_seconds(\\{[^}]*})? 0(\\.0)?$")
                        .matcher(get(port, "/observe/metrics")).find());
                assertThat(inbox.resolve("privado.csv")).exists();
                assertThat(home.resolve("data/error/privado.csv")).doesNotExist();
                assertThat(daemon.log()).containsOnlyOnce("privado.csv: waits in the inbox");
                assertThat(daemon.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }

    private static void assumeRootWithSetpriv() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root to run the daemon as nobody");
    }

    private static SandboxFixture fixture() {
        return SandboxFixture.builder().apiUser("admin", "it-key")
                .advisor("asesor.ana", true).advisor("asesor.juan", true).build();
    }

    /** The service's own folder, owned by {@code nobody}. */
    private Path serviceHome() throws IOException {
        Path home = Files.createDirectory(dir.resolve("service"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(home, nobody());
        return home;
    }

    private DaemonProcess startAsNobody(VtigerSandbox sandbox, Path home, int port) throws IOException {
        Path config = Files.writeString(dir.resolve("leadrouter.properties"), String.join("\n",
                "vtiger.url=" + sandbox.baseUrl(), "vtiger.username=admin", "vtiger.access-key=it-key",
                "state.dir=" + home.resolve("state"), "paths.inbox=" + home.resolve("data/inbox"), "mode=apply",
                "language=es", "inbox.poll-interval=100ms", "inbox.stable-time=0s", "management.port=" + port,
                "management.host=127.0.0.1", ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        DaemonProcess daemon = DaemonProcess.start(JAR, config, dir.resolve("daemon.log"),
                List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        Await.until("started", Duration.ofSeconds(60), () -> daemon.log().contains("leadrouter started"));
        return daemon;
    }

    /** Root's private file, older than the good one (taken first); the good one {@code nobody}'s if asked. */
    private void dropPrivateThenGood(Path inbox, boolean goodOwnedByService) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.tmp"), HEADER
                + "Eva Privada;eva.privada@example.com;;Salud;28/07/2025;Portales\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(secret, FileTime.from(Instant.now().minusSeconds(600)));
        Files.move(secret, inbox.resolve("privado.csv"), StandardCopyOption.ATOMIC_MOVE);
        Path good = dir.resolve("good.tmp");
        Files.writeString(good, LeadFiles.people(2, "bueno", 20_000_000), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(good, FileTime.from(Instant.now().minusSeconds(300)));
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-r--r--"));
        if (goodOwnedByService) {
            Files.setOwner(good, nobody());
        }
        Files.move(good, inbox.resolve("bueno.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private UserPrincipal nobody() throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        return users.lookupPrincipalByName("nobody");
    }

    private static String read(Path page) {
        try {
            return Files.exists(page) ? Files.readString(page) : "";
        } catch (IOException e) {
            return ""; // being rewritten: read again
        }
    }

    private static String health(int port) {
        return get(port, "/observe/health").replaceAll("\\s+", "");
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
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
