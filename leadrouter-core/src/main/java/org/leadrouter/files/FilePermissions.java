package org.leadrouter.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files holding prospects' personal data are readable by the service's user and group only: files {@code rw-r-----},
 * folders leadrouter creates {@code rwxr-x---}. Set explicitly, not left to the umask, on POSIX file systems;
 * elsewhere nothing is done.
 */
public final class FilePermissions {
    private static final Logger LOG = LoggerFactory.getLogger(FilePermissions.class);
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    private FilePermissions() {
    }

    /**
     * Attributes for creating a file: its rights from the first instant (the umask may only narrow them, and
     * {@link #restrict} then sets them exactly).
     */
    public static FileAttribute<?>[] forNewFile(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Makes {@code file} {@code rw-r-----}. A file owned by someone else (dropped by a colleague) cannot be changed:
     * that is said once in the log and the work goes on, since the folders around it are private too.
     */
    public static void restrict(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            LOG.warn("cannot make {} readable by the service's user and group only ({}); it keeps its rights",
                    file.getFileName(), e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        }
    }

    /**
     * Creates {@code folder} and any missing parent, each {@code rwxr-x---}; folders that exist keep their rights
     * (an administrator's set-group-id share folder stays as it was made).
     */
    public static Path createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
                continue; // made meanwhile by someone else: theirs to decide
            }
            if (posix(p)) {
                Files.setPosixFilePermissions(p, FOLDER);
            }
        }
        return folder;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
