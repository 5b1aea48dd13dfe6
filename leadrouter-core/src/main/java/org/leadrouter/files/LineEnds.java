package org.leadrouter.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Where the lines of a text lead file end, read from its bytes without decoding it: whether its last line has its
 * line end (a sender cut off mid-row has not) and where its first line (the header) ends. UTF-16 files (with their
 * byte order mark) are judged by two-byte units; every other charset leadrouter reads ends a line with byte 0x0A.
 */
public final class LineEnds {
    private static final Set<String> TEXT = Set.of("csv", "txt", "tsv");

    private LineEnds() {
    }

    /** Whether a file of this name is read as text (workbooks are zip or OLE containers, not lines). */
    public static boolean isText(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > 0 && TEXT.contains(lower.substring(dot + 1));
    }

    /** True when the first {@code size} bytes of {@code file} end with a line end (or are empty). */
    public static boolean terminated(Path file, long size) throws IOException {
        if (size == 0) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] bom = read(ch, 0, 2);
            if (utf16le(bom)) {
                byte[] last = read(ch, size - 2, 2);
                return size % 2 == 0 && last[0] == '\n' && last[1] == 0;
            }
            if (utf16be(bom)) {
                byte[] last = read(ch, size - 2, 2);
                return size % 2 == 0 && last[0] == 0 && last[1] == '\n';
            }
            byte[] last = read(ch, size - 1, 1);
            // a classic Mac export ends lines with CR alone
            return last.length == 1 && (last[0] == '\n' || last[0] == '\r');
        }
    }

    /** The length in bytes of the first line with its line end, or -1 when the first {@code size} bytes hold none. */
    public static long firstLineLength(byte[] head) {
        boolean le = utf16le(head);
        boolean be = utf16be(head);
        if (le || be) {
            for (int i = 2; i + 1 < head.length; i += 2) {
                if (le && head[i] == '\n' && head[i + 1] == 0 || be && head[i] == 0 && head[i + 1] == '\n') {
                    return i + 2;
                }
            }
            return -1;
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean utf16le(byte[] bom) {
        return bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE;
    }

    private static boolean utf16be(byte[] bom) {
        return bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF;
    }

    private static byte[] read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, Math.min(n, ch.size() - Math.max(0, at))));
        long pos = Math.max(0, at);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                break;
            }
            pos += r;
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }
}
