package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;

class CheckCommandTest {
    private static final String KEY = "sandbox-demo-key";

    @TempDir
    Path dir;

    private VtigerSandbox sandbox;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = VtigerSandbox.start(0, SandboxFixture.demo());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aHealthyInstallationPrintsTheMaskedConfigurationAndTodaysAdvisorsAndExitsZero() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-------");
        Files.createDirectories(dir.resolve("leads/inbox"));

        int exit = check(config);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("vtiger.access-key          **** (from configuration file " + config.toAbsolutePath())
                .contains("vtiger.username            admin")
                .contains("mode                       dry-run")
                .contains("VTiger: logged in as admin (19x1)")
                .containsPattern("asesor\\.juan +Juan García +\\d+/25")
                .containsPattern("asesor\\.ana +Ana López +\\d+/25")
                .doesNotContain("asesor.pedro")  // inactive
                .doesNotContain("director")      // an admin
                .contains("paths.inbox")
                .contains("missing, will be created at start")
                .doesNotContain("WARNING");
        assertThat(err.toString()).isEmpty();
        assertTheKeyNeverShows();
    }

    @Test
    void aConfigurationFileHoldingTheKeyThatOthersCanReadIsWarnedAbout() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-r--r--");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("WARNING: " + config.toAbsolutePath() + " holds the VTiger access key and is readable by everyone")
                .contains("chmod 600");
        assertTheKeyNeverShows();
    }

    @Test
    void aKeyFileReadableByItsGroupIsNamedAsTheOriginAndWarnedAbout() throws IOException {
        Path keyFile = dir.resolve("access-key");
        Files.writeString(keyFile, KEY + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key-file=" + keyFile, "rw-r--r--");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("**** (from file " + keyFile + " (vtiger.access-key-file))")
                .contains("WARNING: " + keyFile + " holds the VTiger access key and is readable by its group");
        assertTheKeyNeverShows();
    }

    @Test
    void aRefusedLoginExitsThreeWithoutShowingEitherKey() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=wrong-secret-123", "rw-------");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(err.toString()).contains("VTiger refused the login (INVALID_USER_CREDENTIALS)");
        assertThat(out + err.toString()).doesNotContain("wrong-secret-123");
        assertTheKeyNeverShows();
    }

    @Test
    void anUnknownUserNameIsARefusedLoginThatNamesTheSettingToFix() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-------", "nobody");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(err.toString()).contains("VTiger refused the login (ACCESS_DENIED)").contains("fix vtiger.username")
                .doesNotContain("admin");
        assertTheKeyNeverShows();
    }

    @Test
    void anInactiveUserIsARefusedLoginThatSaysSo() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=pedro-demo-key", "rw-------", "asesor.pedro");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(err.toString()).contains("VTiger refused the login (INVALID_USER_CREDENTIALS)")
                .contains("vtiger.access-key").contains("inactive");
    }

    @Test
    void anApiUserWhoIsNotAnAdminExitsTwoSayingItMustBe() throws IOException {
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=juan-demo-key", "rw-------", "asesor.juan");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("vtiger.username").contains("the API user must be a VTiger admin");
        assertThat(out.toString()).contains("VTiger: logged in as asesor.juan").doesNotContain("Advisors for");
    }

    @Test
    void anUnreachableVtigerExitsThree() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = config("http://127.0.0.1:" + closedPort + "/", "vtiger.access-key=" + KEY, "rw-------");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(err.toString()).contains("VTiger is unreachable");
        assertTheKeyNeverShows();
    }

    @Test
    void aFileWhereTheInboxShouldBeExitsTwoAfterStillCheckingVtiger() throws IOException {
        Files.createDirectories(dir.resolve("leads"));
        Files.writeString(dir.resolve("leads/inbox"), "not a folder");
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-------");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("paths.inbox").contains("is not a folder");
        assertThat(out.toString()).contains("VTiger: logged in as admin");
        assertTheKeyNeverShows();
    }

    @Test
    void aMissingRequiredSettingExitsTwoNamingTheKey() throws IOException {
        Path config = dir.resolve("leadrouter.properties");
        Files.writeString(config, "vtiger.username=admin\nvtiger.access-key=" + KEY + "\n");

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("vtiger.url");
        assertTheKeyNeverShows();
    }

    @Test
    void routingShowsRulesPoolsWithTodaysMembersAbsencesAndTheNextWorkingDay() throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
        Path absences = dir.resolve("ausencias.csv");
        Files.writeString(absences, "Asesor;Desde;Hasta;Motivo\nasesor.ana;" + today.minusDays(1) + ";" + today.plusDays(1)
                + ";Vacaciones\n", StandardCharsets.UTF_8);
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-------");
        Files.writeString(config, String.join("\n",
                "routing.pool.sanidad=asesor.ana,asesor.luis",
                "routing.pool.eventos=asesor.marta,asesor.pedro",
                "routing.rule.1.course=Enfermería|Salud",
                "routing.rule.1.pool=sanidad",
                "routing.rule.2.source=Feria*",
                "routing.rule.2.pool=eventos",
                "allocation.weight.asesor.luis=2",
                "availability.absences-file=" + absences,
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        int exit = check(config);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString())
                .contains("rule 1: course Enfermería|Salud → pool sanidad")
                .contains("rule 2: source Feria* → pool eventos")
                .containsPattern("pool sanidad +1 eligible today: asesor.ana \\[absent until " + today.plusDays(1) + ": Vacaciones\\], asesor.luis")
                .containsPattern("pool eventos +1 eligible today: asesor.marta, asesor.pedro \\[UNKNOWN")
                .containsPattern("pool default +3 eligible today")
                .contains("weight asesor.luis 2")
                .contains("Absences in force on " + today + ":\n  asesor.ana until " + today.plusDays(1) + ": Vacaciones")
                .contains("Working days: MON,TUE,WED,THU,FRI,SAT,SUN")
                .contains("is a working day; next working day " + today.plusDays(1));
        assertThat(err.toString()).contains("error: routing.pool.eventos: 'asesor.pedro' is not an active VTiger user");
    }

    @Test
    void aMalformedAbsencesFileIsShownWithItsLine() throws IOException {
        Path absences = dir.resolve("ausencias.csv");
        Files.writeString(absences, "Asesor,Desde,Hasta\nasesor.ana,ayer,hoy\n", StandardCharsets.UTF_8);
        Path config = config(sandbox.baseUrl().toString(), "vtiger.access-key=" + KEY, "rw-------");
        Files.writeString(config, "availability.absences-file=" + absences + "\nallocation.working-days=MON-FRI\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        int exit = check(config);

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("error: availability.absences-file: line 2: Desde 'ayer' is not a date");
        assertThat(out.toString()).contains("Working days: MON,TUE,WED,THU,FRI");
    }

    private int check(Path config) {
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("check", "--config", config.toString());
    }

    private Path config(String url, String keyLine, String permissions) throws IOException {
        return config(url, keyLine, permissions, "admin");
    }

    private Path config(String url, String keyLine, String permissions, String user) throws IOException {
        Path config = dir.resolve("leadrouter.properties");
        Files.writeString(config, String.join("\n",
                "vtiger.url=" + url,
                "vtiger.username=" + user,
                keyLine,
                "vtiger.server-timezone=Europe/Madrid",
                "vtiger.retry.attempts=1",
                "state.dir=" + dir.resolve("state"),
                "paths.inbox=" + dir.resolve("leads/inbox"),
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString(permissions));
        return config;
    }

    private void assertTheKeyNeverShows() {
        assertThat(out.toString()).doesNotContain(KEY);
        assertThat(err.toString()).doesNotContain(KEY);
    }
}
