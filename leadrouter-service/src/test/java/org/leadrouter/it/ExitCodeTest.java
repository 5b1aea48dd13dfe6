package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documented exit codes: 2 for configuration and unusable files, 3 for an unreachable or refusing VTiger. */
class ExitCodeTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private Path oneLead() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");
    }

    @Test
    void missingConfigurationKeyExits2NamingTheKey() throws Exception {
        h.set("vtiger.username", null);

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("vtiger.username");
        assertThat(h.sandbox.callCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }

    @Test
    void invalidConfigurationValueExits2NamingTheKey() throws Exception {
        h.set("allocation.daily-cap", "many");

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("allocation.daily-cap");
    }

    @Test
    void nonexistentInputFileExits2() throws Exception {
        Harness.Run run = h.apply(h.dir.resolve("no_such_file.csv"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("no_such_file.csv");
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void wrongAccessKeyExits3() throws Exception {
        h.set("vtiger.access-key", "not-the-right-key");

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(3);
        assertThat(run.err()).contains("login");
        assertThat(h.sandbox.records("Leads")).isEmpty();
    }

    @Test
    void unknownUserNameExits3NamingTheSetting() throws Exception {
        h.set("vtiger.username", "api.leadrouterr");

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(3);
        assertThat(run.err()).contains("VTiger refused the login (ACCESS_DENIED)").contains("fix vtiger.username");
        assertThat(h.sandbox.records("Leads")).isEmpty();
    }

    @Test
    void apiUserWhoIsNotAnAdminExits2BeforeAnyRowIsTouched() throws Exception {
        h.set("vtiger.username", "asesor.ana").set("vtiger.access-key", "ana-key");

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("the API user must be a VTiger admin").contains("vtiger.username");
        assertThat(h.sandbox.calls("create")).isZero();
        assertThat(h.sandbox.records("Leads")).isEmpty();
    }

    @Test
    void unreachableVtigerExits3Quickly() throws Exception {
        h.set("vtiger.retry.attempts", "1").set("vtiger.connect-timeout", "500ms");
        Path csv = oneLead();
        h.sandbox.close();

        long started = System.nanoTime();
        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(3);
        assertThat(run.err()).contains("unreachable");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void emptyFileExits2() throws Exception {
        Harness.Run run = h.apply(h.write("empty.csv", ""));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("empty");
        assertThat(h.sandbox.callCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }

    @Test
    void binaryFileExits2() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
                0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, (byte) 0xa8, 0x66, 0, 0, 0, 0};
        Path file = Files.write(h.dir.resolve("leads.csv"), png);

        Harness.Run run = h.apply(file);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("cannot be used");
        assertThat(h.sandbox.callCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }

    @Test
    void excelWorkbookSavedAsCsvExits2() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Path file = Files.write(h.dir.resolve("leads_excel.csv"), zip);

        Harness.Run run = h.apply(file);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).containsIgnoringCase("excel");
    }

    @Test
    void rowErrorsExit1AndAllCreatedExit0() throws Exception {
        h.knobs.rejectCreates(e -> true, "MANDATORY_FIELDS_MISSING", "lastname does not have a value");

        Harness.Run failing = h.apply(oneLead());
        h.knobs.reset();
        Harness.Run passing = h.apply(h.csv("Ana Gómez,ana@example.com,600654321,Salud,28/07/2025,SEO"));

        assertThat(failing.exitCode()).as(failing.printed()).isEqualTo(1);
        assertThat(passing.exitCode()).as(passing.printed()).isZero();
    }

    @Test
    void nonexistentConfigFileExits2NamingIt() throws Exception {
        Path missing = h.dir.resolve("no_such.properties");

        Harness.Run run = Harness.execute(h.dir.resolve("r.csv"), "run", oneLead().toString(), "--apply",
                "--output", h.dir.resolve("r.csv").toString(), "--config", missing.toString());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("no_such.properties");
    }

    @Test
    void unwritableReportPathExits2BeforeAnyLeadIsCreated() throws Exception {
        Path notADirectory = Files.writeString(h.dir.resolve("plain-file.txt"), "x");
        Path report = notADirectory.resolve("report.csv");

        Harness.Run run = Harness.execute(report, "run", oneLead().toString(), "--apply",
                "--output", report.toString(), "--config", h.configFile().toString());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("report.csv");
        assertThat(h.sandbox.records("Leads")).as("leads created although their report cannot be written").isEmpty();
    }
}
