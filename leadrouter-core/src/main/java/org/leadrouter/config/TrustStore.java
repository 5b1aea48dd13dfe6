package org.leadrouter.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;
import java.util.Objects;

/**
 * The trust store of {@code vtiger.truststore}: the private CA(s) whose certificates VTiger's HTTPS may present.
 * Opened once when the settings are read, so a wrong path or password stops the start naming the key.
 *
 * @param path     the PKCS12 or JKS file
 * @param password its password, or null when the store has none
 * @param type     the format found in the file ({@code PKCS12} or {@code JKS})
 */
public record TrustStore(Path path, Secret password, String type) {
    static final String PATH_KEY = "vtiger.truststore";
    static final String PASSWORD_KEY = "vtiger.truststore-password";

    public TrustStore {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(type, "type == null");
    }

    /** Opens {@code path} to check it is a trust store holding at least one certificate; returns it described. */
    static TrustStore open(Path path, Secret password) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(PATH_KEY, path + " is not a readable file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(path.toFile(), password == null ? null : password.reveal().toCharArray());
        } catch (IOException e) {
            // the JDK reports a wrong password as an IOException caused by UnrecoverableKeyException
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new ConfigException(PASSWORD_KEY, "does not open " + path + " (wrong password)");
            }
            throw new ConfigException(PATH_KEY, "cannot read " + path + " as a PKCS12 or JKS trust store ("
                    + e.getClass().getSimpleName() + ")");
        } catch (KeyStoreException e) {
            throw new ConfigException(PATH_KEY, path + " is not a PKCS12 or JKS trust store");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(PATH_KEY, "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        if (certificates(store) == 0) {
            if (password == null) {
                throw new ConfigException(PASSWORD_KEY, "is not set, and without it no certificate in " + path + " can be read");
            }
            throw new ConfigException(PATH_KEY, path + " holds no certificate; import the CA with keytool -importcert");
        }
        return new TrustStore(path.toAbsolutePath(), password, store.getType().toUpperCase(java.util.Locale.ROOT));
    }

    private static int certificates(KeyStore store) {
        try {
            int n = 0;
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) != null) {
                    n++;
                }
            }
            return n;
        } catch (KeyStoreException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return path + " (" + type + ")";
    }
}
