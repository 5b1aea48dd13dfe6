package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.leadrouter.config.ConfigException;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.files.FilePermissions;

/**
 * The daemon's folders: created when missing ({@code rwxr-x---}), and each must be writable, or the start fails
 * naming the key.
 */
public final class Folders {
    private Folders() {
    }

    public static void prepare(DaemonSettings daemon) {
        daemon.folders().forEach((key, dir) -> {
            try {
                FilePermissions.createFolders(dir);
            } catch (IOException e) {
                throw new ConfigException(key, "cannot create folder " + dir + " (" + e.getClass().getSimpleName() + ")");
            }
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new ConfigException(key, dir + " is not a folder this user can write to");
            }
        });
    }
}
