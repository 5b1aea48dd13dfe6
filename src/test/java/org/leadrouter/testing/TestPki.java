package org.leadrouter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA made with the JDK's {@code keytool}: a trust store holding the CA, and server key stores whose
 * certificates it signed for chosen names. Every store is PKCS12 with the password {@value #PASSWORD}.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit-test";
    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    private final Path dir;
    private final Path caStore;
    private final Path caCertificate;

    private TestPki(Path dir) {
        this.dir = dir;
        this.caStore = dir.resolve("ca.p12");
        this.caCertificate = dir.resolve("ca.crt");
    }

    /** A new CA in {@code dir}. */
    public static TestPki create(Path dir) throws IOException {
        TestPki pki = new TestPki(dir);
        pki.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=Leadrouter Test CA", "-ext", "bc:c", "-keystore", pki.caStore.toString());
        pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", pki.caStore.toString(), "-file", pki.caCertificate.toString());
        return pki;
    }

    /** A trust store (PKCS12, or JKS) holding only the CA's certificate. */
    public Path trustStore(String name, String type) throws IOException {
        Path store = dir.resolve(name);
        keytool("-importcert", "-noprompt", "-alias", "leadrouter-test-ca", "-file", caCertificate.toString(),
                "-keystore", store.toString(), "-storetype", type);
        return store;
    }

    /** A server key store whose certificate the CA signed for {@code san} (e.g. {@code ip:127.0.0.1,dns:localhost}). */
    public Path serverKeyStore(String name, String san) throws IOException {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-keystore", store.toString());
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-validity", "2", "-ext", "SAN=" + san, "-ext", "eku=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore", store.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(), "-keystore", store.toString());
        return store;
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
