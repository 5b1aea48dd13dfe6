package org.leadrouter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the access key was read from, following the same order as {@link Settings}, and whether the file that
 * holds it can be read by more than its owner.
 *
 * @param description for people, e.g. "systemd credential /run/credentials/leadrouter.service/vtiger-access-key"
 * @param file        the file holding the key in clear, when it is a file leadrouter reads itself
 */
record KeyOrigin(String description, Optional<Path> file) {
    private static final Logger LOG = LoggerFactory.getLogger(KeyOrigin.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    static KeyOrigin of(ConfigSource source) {
        String envName = ConfigSource.environmentName("vtiger.access-key");
        if (source.environmentVariable(envName).filter(v -> !v.isBlank()).isPresent()) {
            return new KeyOrigin("environment variable " + envName, Optional.empty());
        }
        if (source.get("vtiger.access-key").isPresent()) {
            Optional<Path> file = source.file();
            return new KeyOrigin("configuration file " + file.map(Path::toString).orElse("(none)") + ", key vtiger.access-key", file);
        }
        Optional<String> keyFile = source.get("vtiger.access-key-file");
        if (keyFile.isPresent()) {
            return new KeyOrigin("file " + keyFile.get() + " (vtiger.access-key-file)", Optional.of(Path.of(keyFile.get())));
        }
        Optional<String> credentials = source.environmentVariable("CREDENTIALS_DIRECTORY");
        String credential = credentials.map(d -> Path.of(d, Settings.CREDENTIAL_NAME).toString()).orElse(Settings.CREDENTIAL_NAME);
        // systemd's private copy: readable by the service alone, whatever the source file's mode.
        return new KeyOrigin("systemd credential " + credential, Optional.empty());
    }

    /** At the start of {@code run} and {@code daemon}: one WARN line when the key's file is exposed (never the key). */
    static void warnIfExposed(ConfigSource source) {
        of(source).exposure().ifPresent(LOG::warn);
    }

    /** A warning when the file holding the key is readable by group or others; empty when it is not (or not POSIX). */
    Optional<String> exposure() {
        if (file.isEmpty() || !Files.exists(file.get())) {
            return Optional.empty();
        }
        Path f = file.get();
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(f);
            if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains)) {
                return Optional.empty();
            }
            return Optional.of(f + " holds the VTiger access key and is readable by "
                    + (permissions.contains(PosixFilePermission.OTHERS_READ) ? "everyone" : "its group")
                    + " (" + PosixFilePermissions.toString(permissions) + "): chmod 600 " + f
                    + ", or better keep the key in /etc/leadrouter/access-key and let systemd pass it (LoadCredential)");
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }
}
