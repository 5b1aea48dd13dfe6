package org.leadrouter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.camel.component.file.FileComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.Settings;
import org.leadrouter.vtiger.VtigerCallListener;

/** One configuration file for leadrouter and Camel, read through Camel's placeholders, the LEADROUTER_* variables first. */
class CamelConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void camelKeysOfTheFileReachCamelAndLeadroutersKeysTheSettings() throws Exception {
        Path file = file("camel.main.name=leadrouter-nodo-a", "camel.component.file.bridgeErrorHandler=true",
                "allocation.daily-cap=12");
        CamelConfiguration configuration = CamelConfiguration.load(file, Map.of());
        Settings settings = configuration.settings();

        try (Leadrouter app = Leadrouter.start(configuration.newMain(), settings, Clock.systemUTC(), VtigerCallListener.NONE)) {
            assertThat(app.camel().getName()).isEqualTo("leadrouter-nodo-a");
            assertThat(app.camel().getComponent("file", FileComponent.class).isBridgeErrorHandler()).isTrue();
        }
        assertThat(settings.dailyCap()).isEqualTo(12);
    }

    @Test
    void withoutCamelKeysTheContextIsCalledLeadrouter() throws Exception {
        CamelConfiguration configuration = CamelConfiguration.load(file(), Map.of());

        try (Leadrouter app = Leadrouter.start(configuration.newMain(), configuration.settings(), Clock.systemUTC(),
                VtigerCallListener.NONE)) {
            assertThat(app.camel().getName()).isEqualTo("leadrouter");
        }
    }

    @Test
    void aLeadrouterVariableWinsOverTheFileAndABlankOneDoesNot() throws IOException {
        Path file = file("allocation.daily-cap=10", "allocation.cap.asesor.ana=10", "mode=dry-run");
        Settings s = CamelConfiguration.load(file, Map.of(
                "LEADROUTER_ALLOCATION_DAILY_CAP", "30",
                "LEADROUTER_VTIGER_ACCESS_KEY", "fromenv",
                "LEADROUTER_ALLOCATION_CAP_ASESOR_LUIS", "5",
                "LEADROUTER_MODE", "  ")).settings();

        assertThat(s.dailyCap()).isEqualTo(30);
        assertThat(s.vtiger().accessKey().reveal()).isEqualTo("fromenv");
        assertThat(s.capFor("asesor.ana")).isEqualTo(10);
        assertThat(s.capFor("asesor.luis")).isEqualTo(5);
        assertThat(s.daemon().apply()).isFalse();
    }

    @Test
    void theFileIsReadAsUtf8() throws IOException {
        Path file = file("routing.pool.sanidad=asesor.ana", "routing.rule.1.course=Enfermería|Técnico en Farmacia",
                "routing.rule.1.pool=sanidad");

        Settings s = CamelConfiguration.load(file, Map.of()).settings();

        assertThat(s.routing().rules().rules().toString()).contains("Enfermería").contains("Técnico en Farmacia");
    }

    @Test
    void theEnvironmentAloneIsEnoughWithoutAFile() {
        Settings s = CamelConfiguration.load(null, Map.of("LEADROUTER_VTIGER_URL", "https://crm.example.com",
                "LEADROUTER_VTIGER_USERNAME", "admin", "LEADROUTER_VTIGER_ACCESS_KEY", "k",
                "LEADROUTER_STATE_DIR", dir.toString())).settings();

        assertThat(s.vtiger().endpoint().toString()).isEqualTo("https://crm.example.com/webservice.php");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> CamelConfiguration.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void aVariableThatSetsNothingIsReportedWithTheOneItResembles() throws IOException {
        CamelConfiguration configuration = CamelConfiguration.load(file(), Map.of("LEADROUTER_MODO", "apply",
                "LEADROUTER_MODE", "dry-run", "LEADROUTER_CONFIG", "x", "HOME", "/root"));
        configuration.settings();

        assertThat(configuration.unknownVariables()).containsExactly("the environment variable LEADROUTER_MODO sets no"
                + " leadrouter setting and is ignored; did you mean LEADROUTER_MODE?");
    }

    private Path file(String... extra) throws IOException {
        StringBuilder text = new StringBuilder("vtiger.url=http://127.0.0.1:9/\nvtiger.username=admin\n"
                + "vtiger.access-key=k\nstate.dir=" + dir.resolve("state") + "\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return Files.writeString(dir.resolve("leadrouter.properties"), text, StandardCharsets.UTF_8);
    }
}
