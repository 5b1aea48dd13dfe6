package org.leadrouter.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a folder takes new files now, proven by writing one: a hidden file of {@value #PROBE_BYTES} bytes is
 * written, forced to the disk and removed. A failure to write something else there is judged by this probe, never
 * by the exception's type (an access refused to one file is not a full disk).
 */
public final class FolderProbe {
    static final int PROBE_BYTES = 64 * 1024;

    private FolderProbe() {
    }

    /** Empty when {@code folder} can be written; otherwise what the file system said. */
    public static Optional<String> problem(Path folder) {
        Path probe = folder.resolve(".leadrouter-probe-" + UUID.randomUUID());
        try (FileChannel out = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer blank = ByteBuffer.allocate(PROBE_BYTES);
            while (blank.hasRemaining()) {
                out.write(blank);
            }
            out.force(true);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            String message = e.getMessage();
            return Optional.of(e.getClass().getSimpleName() + (message == null ? "" : " " + message));
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // nothing was created, or the folder went away: nothing to clean
            }
        }
    }
}
