package org.leadrouter.vtiger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import org.leadrouter.testing.HttpsFront;
import org.leadrouter.testing.TestPki;

/**
 * VTiger behind HTTPS with a certificate of a private CA: refused with the JVM's CAs, accepted once
 * {@code vtiger.truststore} holds the CA (PKCS12 or JKS), still refused when the certificate names another host.
 */
class PrivateCaTlsTest {
    private static final String KEY = "sandbox-demo-key";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static VtigerSandbox sandbox;
    private static HttpsFront front;
    private static HttpsFront wrongName;

    @BeforeAll
    static void serveVtigerOverHttps() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.demo());
        pki = TestPki.create(dir);
        front = HttpsFront.start(pki.serverKeyStore("crm", "ip:127.0.0.1,dns:localhost"), TestPki.PASSWORD, sandbox.baseUrl());
        wrongName = HttpsFront.start(pki.serverKeyStore("elsewhere", "dns:elsewhere.example"), TestPki.PASSWORD, sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        front.close();
        wrongName.close();
        sandbox.close();
    }

    @Test
    void withoutTheTrustStoreTheCertificateIsNotTrustedAndVtigerIsUnavailable() throws Exception {
        Map<String, String> config = config(front.url("127.0.0.1"));

        assertThatThrownBy(() -> login(config))
                .isInstanceOf(VtigerUnavailableException.class)
                .hasMessageContaining("certification path")
                .satisfies(e -> assertThat(((VtigerUnavailableException) e).mayHaveArrived()).isFalse())
                .hasCauseInstanceOf(SSLException.class);
    }

    @Test
    void withAPkcs12TrustStoreHoldingTheCaTheLoginWorks() throws Exception {
        Map<String, String> config = config(front.url("127.0.0.1"));
        config.put("vtiger.truststore", pki.trustStore("trust.p12", "PKCS12").toString());
        config.put("vtiger.truststore-password", TestPki.PASSWORD);

        assertThat(login(config)).isEqualTo("19x1");
        assertThat(Settings.from(ConfigSource.of(config)).vtiger().trustStore()).get()
                .extracting(Object::toString).asString().endsWith("trust.p12 (PKCS12)");
    }

    @Test
    void aJksTrustStoreAndTheHostNameLocalhostWorkToo() throws Exception {
        Map<String, String> config = config(front.url("localhost"));
        config.put("vtiger.truststore", pki.trustStore("trust.jks", "JKS").toString());
        config.put("vtiger.truststore-password", TestPki.PASSWORD);

        assertThat(login(config)).isEqualTo("19x1");
    }

    @Test
    void aCertificateOfTheTrustedCaForAnotherHostIsStillRefused() throws Exception {
        Map<String, String> config = config(wrongName.url("127.0.0.1"));
        config.put("vtiger.truststore", pki.trustStore("trust-for-wrong-name.p12", "PKCS12").toString());
        config.put("vtiger.truststore-password", TestPki.PASSWORD);
        sandbox.resetCallCounts();

        assertThatThrownBy(() -> login(config))
                .isInstanceOf(VtigerUnavailableException.class)
                .hasMessageContaining("127.0.0.1")
                .hasCauseInstanceOf(SSLException.class);
        assertThat(sandbox.callCounts()).as("nothing went through").isEmpty();
    }

    @Test
    void aMissingTrustStoreIsAConfigurationErrorNamingTheKey() {
        Map<String, String> config = config(front.url("127.0.0.1"));
        config.put("vtiger.truststore", dir.resolve("missing.p12").toString());

        assertThatThrownBy(() -> Settings.from(ConfigSource.of(config)))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("vtiger.truststore");
    }

    @Test
    void aFileThatIsNotATrustStoreIsAConfigurationErrorNamingTheKey() throws IOException {
        Map<String, String> config = config(front.url("127.0.0.1"));
        config.put("vtiger.truststore", Files.writeString(dir.resolve("notes.txt"), "not a key store").toString());
        config.put("vtiger.truststore-password", TestPki.PASSWORD);

        assertThatThrownBy(() -> Settings.from(ConfigSource.of(config)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("vtiger.truststore")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("vtiger.truststore");
    }

    @Test
    void aWrongPasswordIsAConfigurationErrorNamingThePasswordKey() throws IOException {
        Map<String, String> config = config(front.url("127.0.0.1"));
        config.put("vtiger.truststore", pki.trustStore("trust-wrong-password.p12", "PKCS12").toString());
        config.put("vtiger.truststore-password", "not-the-password");

        assertThatThrownBy(() -> Settings.from(ConfigSource.of(config)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("wrong password")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("vtiger.truststore-password");
    }

    @Test
    void thePasswordIsNeverPrinted() throws IOException {
        // from LEADROUTER_VTIGER_TRUSTSTORE_PASSWORD too: the service's binding, CamelConfigurationTest
        Map<String, String> config = config(front.url("127.0.0.1"));
        config.put("vtiger.truststore", pki.trustStore("trust-env.p12", "PKCS12").toString());
        config.put("vtiger.truststore-password", TestPki.PASSWORD);
        ConfigSource source = ConfigSource.of(config);

        VtigerSettings settings = Settings.from(source).vtiger();

        assertThat(settings.trustStore()).isPresent();
        assertThat(settings.toString()).doesNotContain(TestPki.PASSWORD);
    }

    private static String login(Map<String, String> config) throws Exception {
        VtigerSettings settings = Settings.from(ConfigSource.of(config)).vtiger();
        try (VtigerClient client = VtigerClient.of(settings, RetryPolicy.ONCE, VtigerCallListener.NONE)) {
            return client.login();
        }
    }

    private static Map<String, String> config(String url) {
        Map<String, String> m = new HashMap<>();
        m.put("vtiger.url", url);
        m.put("vtiger.username", "admin");
        m.put("vtiger.access-key", KEY);
        m.put("vtiger.connect-timeout", "5s");
        m.put("vtiger.read-timeout", "5s");
        return m;
    }
}
