package org.leadrouter.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file's size and modification time when it was taken: a file that differs afterwards was written to meanwhile. */
record FileState(long size, long modifiedMillis) {

    static FileState of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new FileState(a.size(), a.lastModifiedTime().toMillis());
    }
}
