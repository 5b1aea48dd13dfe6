package org.leadrouter.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * How many names (hard links) a file has. A file with more than one is refused: it may be a second name of a file
 * elsewhere on the disk (another user's private file), and changing its rights or times would change that file too.
 */
public final class HardLinks {
    private HardLinks() {
    }

    /** The number of hard links of {@code file}; 1 where the file system does not say. */
    public static int count(Path file) throws IOException {
        try {
            Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return n instanceof Number number ? number.intValue() : 1;
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1;
        }
    }

    /** True when {@code file} has other names besides this one. */
    public static boolean shared(Path file) throws IOException {
        return count(file) > 1;
    }
}
