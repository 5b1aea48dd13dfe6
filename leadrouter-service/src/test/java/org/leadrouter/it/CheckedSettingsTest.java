package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.cli.ExitCode;

/** A key nobody reads, or a {@code camel.*} option Camel does not have, stops run, daemon and check with exit 2. */
class CheckedSettingsTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @Test
    void aMistypedKeyStopsTheRunNamingTheKeyAndTheNearestKnownOne() throws Exception {
        h.set("allocation.daily_cap", "5");

        Harness.Run run = h.apply(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'allocation.daily_cap'").contains("did you mean allocation.daily-cap?");
        assertThat(h.sandbox.calls("create")).isZero();
        assertThat(run.reportPath()).doesNotExist();
    }

    @Test
    void aMistypedRequiredKeyIsNamedRatherThanTheMissingOne() throws Exception {
        String url = h.sandbox.baseUrl().toString();
        h.set("vtiger.url", null).set("vtiger.ulr", url);

        Harness.Run run = h.dryRun(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'vtiger.ulr'").contains("did you mean vtiger.url?");
    }

    @Test
    void theDaemonAndCheckRefuseAMistypedKeyBeforeDoingAnything() throws Exception {
        h.set("paths.inbox", h.dir.resolve("inbox").toString()).set("modo", "apply");
        Path config = h.configFile();

        Harness.Run daemon = Harness.execute(null, "daemon", "--config", config.toString());
        Harness.Run check = Harness.execute(null, "check", "--config", config.toString());

        assertThat(daemon.exitCode()).as(daemon.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(daemon.err()).contains("'modo'").contains("did you mean mode?");
        assertThat(h.dir.resolve("inbox")).doesNotExist();
        assertThat(check.exitCode()).as(check.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(check.err()).contains("'modo'").contains("did you mean mode?");
    }

    @Test
    void aCamelOptionCamelDoesNotHaveStopsTheRunAndCheckNamingIt() throws Exception {
        h.set("camel.main.naem", "leadrouter-a");

        Harness.Run run = h.apply(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));
        Harness.Run check = Harness.execute(null, "check", "--config", h.configFile().toString());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'camel.main.naem'");
        assertThat(h.sandbox.calls("create")).isZero();
        assertThat(check.exitCode()).as(check.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(check.err()).contains("'camel.main.naem'");
    }

    @Test
    void aComponentCamelDoesNotKnowIsNamedToo() throws Exception {
        h.set("camel.component.fiel.bridgeErrorHandler", "true");

        Harness.Run run = h.dryRun(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'camel.component.fiel.bridgeErrorHandler'");
    }

    @Test
    void camelOptionsCamelHasAreAcceptedAndTheRunGoesOn() throws Exception {
        h.set("camel.main.name", "leadrouter-nodo-a").set("camel.component.file.bridgeErrorHandler", "true");

        Harness.Run run = h.apply(h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.OK);
        assertThat(h.sandbox.calls("create")).isEqualTo(1);
    }
}
