package org.leadrouter.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small disk (a tmpfs of a few megabytes mounted on a folder) that a test fills to the last byte, so that
 * writes fail with "No space left on device" exactly as on a full disk, and frees again. Mounting needs root (or
 * CAP_SYS_ADMIN): {@link #mount} returns null where it is not allowed, for the test to skip saying so.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code mountPoint} (created if needed), or returns null if not allowed. */
    public static SmallDisk mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        if (run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs", mountPoint.toString()) != 0) {
            return null;
        }
        return new SmallDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes to the disk until it is full: from now on, every write on it fails with ENOSPC. */
    public void fill() {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // "No space left on device": what was wanted
        }
    }

    /** Space again. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", "-l", mountPoint.toString()) != 0) {
            throw new IOException("cannot unmount " + mountPoint);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
