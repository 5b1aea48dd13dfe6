package org.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: defaults, environment overrides, secrets from files, and errors that name the key. */
class SettingsTest {
    @TempDir
    Path dir;

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("vtiger.url", "https://crm.example.com");
        m.put("vtiger.username", "api");
        m.put("vtiger.access-key", "s3cret");
        return m;
    }

    @Test
    void defaultsMatchTheDocumentation() {
        Settings s = Settings.from(ConfigSource.of(minimal()));
        assertThat(s.dailyCap()).isEqualTo(25);
        assertThat(s.allocationZone().getId()).isEqualTo("Europe/Madrid");
        assertThat(s.vtiger().serverZone().getId()).isEqualTo("UTC");
        assertThat(s.dedupeModules()).containsExactlyInAnyOrder("Leads", "Contacts");
        assertThat(s.phoneRegion()).isEqualTo("ES");
        assertThat(s.fieldMapping().courseField()).isEqualTo("description");
        assertThat(s.stateDir()).isEqualTo(Path.of("/var/lib/leadrouter"));
        assertThat(s.vtiger().maxConcurrency()).isEqualTo(4);
    }

    @Test
    void maxConcurrencyIsOneToSixteen() {
        Map<String, String> m = minimal();
        m.put("vtiger.max-concurrency", "1");
        assertThat(Settings.from(ConfigSource.of(m)).vtiger().maxConcurrency()).isEqualTo(1);
        m.put("vtiger.max-concurrency", "0");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("vtiger.max-concurrency")
                .hasMessageContaining("1..16");
        m.put("vtiger.max-concurrency", "17");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("vtiger.max-concurrency");
    }

    @Test
    void urlGetsWebservicePhpWhetherOrNotGiven() {
        assertThat(Settings.endpointOf("https://crm.example.com").toString()).isEqualTo("https://crm.example.com/webservice.php");
        assertThat(Settings.endpointOf("http://10.0.0.5:8080/vtiger/").toString()).isEqualTo("http://10.0.0.5:8080/vtiger/webservice.php");
        assertThat(Settings.endpointOf("https://crm.example.com/vtiger/webservice.php").toString())
                .isEqualTo("https://crm.example.com/vtiger/webservice.php");
    }

    @Test
    void missingKeyIsNamed() {
        Map<String, String> m = minimal();
        m.remove("vtiger.username");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("vtiger.username").hasMessageContaining("LEADROUTER_VTIGER_USERNAME");
    }

    @Test
    void wrongValuesAreNamed() {
        Map<String, String> m = minimal();
        m.put("allocation.daily-cap", "lots");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("allocation.daily-cap");
        m.put("allocation.daily-cap", "25");
        m.put("allocation.timezone", "Madrid");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("allocation.timezone");
        m.put("allocation.timezone", "Europe/Madrid");
        m.put("vtiger.url", "ftp://crm");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("vtiger.url");
        m.put("vtiger.url", "https://crm");
        m.put("dedupe.modules", "Leads,Accounts");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(m))).hasMessageContaining("dedupe.modules");
    }

    @Test
    void perAdvisorCapFromTheFile() {
        // LEADROUTER_ALLOCATION_CAP_<USER> is the service's binding: CamelConfigurationTest
        Map<String, String> m = minimal();
        m.put("allocation.cap.asesor.ana", "10");
        m.put("allocation.cap.Asesor.Luis", "5");
        Settings s = Settings.from(ConfigSource.of(m));
        assertThat(s.capFor("asesor.ana")).isEqualTo(10);
        assertThat(s.capFor("asesor.luis")).isEqualTo(5);
        assertThat(s.capFor("asesor.juan")).isEqualTo(25);
    }

    @Test
    void accessKeyFromAFileOrSystemdCredentials() throws Exception {
        Map<String, String> m = minimal();
        m.remove("vtiger.access-key");
        Path keyFile = Files.writeString(dir.resolve("key"), "fromfile\n");
        m.put("vtiger.access-key-file", keyFile.toString());
        assertThat(Settings.from(ConfigSource.of(m)).vtiger().accessKey().reveal()).isEqualTo("fromfile");

        m.remove("vtiger.access-key-file");
        Files.writeString(dir.resolve(Settings.CREDENTIAL_NAME), "fromcreds");
        Settings s = Settings.from(ConfigSource.of(m, Map.of("CREDENTIALS_DIRECTORY", dir.toString())));
        assertThat(s.vtiger().accessKey().reveal()).isEqualTo("fromcreds");
    }

    @Test
    void secretNeverPrints() {
        Settings s = Settings.from(ConfigSource.of(minimal()));
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(s.vtiger().toString()).doesNotContain("s3cret");
    }

    @Test
    void durationsInHumanForm() {
        Map<String, String> m = minimal();
        m.put("vtiger.read-timeout", "90s");
        m.put("dedupe.full-refresh", "12h");
        Settings s = Settings.from(ConfigSource.of(m));
        assertThat(s.vtiger().readTimeout().getSeconds()).isEqualTo(90);
        assertThat(s.dedupeFullRefresh().toHours()).isEqualTo(12);
    }
}
