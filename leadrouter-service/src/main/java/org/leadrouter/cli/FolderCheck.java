package org.leadrouter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a folder leadrouter writes to is usable by this user, or can be created at start. Creates nothing. */
final class FolderCheck {
    private FolderCheck() {
    }

    /** What is wrong with {@code folder}, or empty when it is (or can become) a writable folder; {@code note} gets "ok" details. */
    static Optional<String> problem(Path folder, StringBuilder note) {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir) || !Files.isExecutable(dir) || !Files.isReadable(dir)) {
                return Optional.of(dir + " exists but this user cannot read and write in it");
            }
            note.append("ok");
            return Optional.empty();
        }
        if (Files.exists(dir)) {
            return Optional.of(dir + " exists but is not a folder");
        }
        Path ancestor = dir.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            return Optional.of(dir + " is missing and cannot be created (" + ancestor + " is not a folder)");
        }
        if (!Files.isWritable(ancestor) || !Files.isExecutable(ancestor)) {
            return Optional.of(dir + " is missing and cannot be created: this user cannot write in " + ancestor);
        }
        note.append("missing, will be created at start");
        return Optional.empty();
    }
}
