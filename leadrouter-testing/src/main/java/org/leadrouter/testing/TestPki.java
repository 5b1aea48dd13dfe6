package org.leadrouter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A private CA, made once ({@code src/test/resources/pki/regenerate.sh}) and kept as fixtures: trust stores holding
 * only the CA, and server key stores whose certificates it signed for chosen names. Each store is copied into the
 * test's folder under the name the test asks for. Every store has the password {@value #PASSWORD}.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit-test";
    /** The server key stores there are, by the names their certificates carry (subject alternative names). */
    private static final Map<String, String> SERVERS = Map.of(
            "crm", "ip:127.0.0.1,dns:localhost",
            "elsewhere", "dns:elsewhere.example");

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** The CA's stores, to be copied into {@code dir}. */
    public static TestPki create(Path dir) {
        return new TestPki(dir);
    }

    /** A trust store ({@code PKCS12} or {@code JKS}) holding only the CA's certificate. */
    public Path trustStore(String name, String type) throws IOException {
        return copy(switch (type) {
            case "PKCS12" -> "trust.p12";
            case "JKS" -> "trust.jks";
            default -> throw new IllegalArgumentException("no trust store of type " + type);
        }, name);
    }

    /** The server key store whose certificate the CA signed for {@code san} (e.g. {@code ip:127.0.0.1,dns:localhost}). */
    public Path serverKeyStore(String name, String san) throws IOException {
        if (!san.equals(SERVERS.get(name))) {
            throw new IllegalArgumentException("no fixture key store " + name + " for " + san + "; there are " + SERVERS);
        }
        return copy(name + ".p12", name + ".p12");
    }

    private Path copy(String fixture, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TestPki.class.getResourceAsStream("/pki/" + fixture)) {
            if (in == null) {
                throw new IOException("test fixture /pki/" + fixture + " is missing");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
