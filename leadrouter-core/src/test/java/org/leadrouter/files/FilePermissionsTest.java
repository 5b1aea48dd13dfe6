package org.leadrouter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files become rw-r-----, made folders rwxr-x---, existing folders keep the rights their owner gave them. */
class FilePermissionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void aFileOpenToEveryoneBecomesReadableByTheGroupOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("leads.csv"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));

        FilePermissions.restrict(file);

        assertThat(mode(file)).isEqualTo("rw-r-----");
    }

    @Test
    void everyMissingFolderIsMadeRwxrx() throws Exception {
        Path deep = dir.resolve("a/b/c");

        FilePermissions.createFolders(deep);

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwxr-x---");
        assertThat(mode(deep)).isEqualTo("rwxr-x---");
    }

    @Test
    void anExistingFolderKeepsItsRights() throws Exception {
        Path share = Files.createDirectory(dir.resolve("outbox"));
        Files.setPosixFilePermissions(share, PosixFilePermissions.fromString("rwxrwx---"));

        FilePermissions.createFolders(share.resolve("2026"));

        assertThat(mode(share)).isEqualTo("rwxrwx---");
        assertThat(mode(share.resolve("2026"))).isEqualTo("rwxr-x---");
    }

    @Test
    void aNewFileIsNeverMoreOpenThanRwRFromItsFirstInstant() throws Exception {
        Path file = Files.createFile(dir.resolve("new.csv"), FilePermissions.forNewFile(dir));

        assertThat(Files.getPosixFilePermissions(file)).isSubsetOf(FilePermissions.FILE);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
