package org.leadrouter.daemon;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Names the daemon derives from the names people give their files: no control characters, line breaks,
 * direction overrides or separators (which could forge log lines or disguise a name), and short enough in bytes
 * for the file system (255 bytes a name on Linux file systems) once a suffix is added.
 */
final class FileNames {
    /** The usual limit of one name (ext4, XFS, btrfs, tmpfs), in bytes. */
    static final int NAME_MAX = 255;
    /** Room kept for what a report or temporary name adds to the input's name. */
    private static final int STEM_MAX = 120;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069/\\\\]");

    private FileNames() {
    }

    /** A name safe to show and to build other names from: unsafe characters become {@code _}, at most 120 bytes. */
    static String safe(String name) {
        return truncate(clean(name), STEM_MAX);
    }

    /**
     * The name under which an input is kept (archive, error): its own, cleaned, with {@code -n} before the extension
     * from the second attempt, shortened so that the name plus {@code reserve} more bytes fits the file system.
     */
    static String kept(String original, int attempt, int reserve) {
        String clean = clean(original);
        int dot = clean.lastIndexOf('.');
        boolean extension = dot > 0 && bytes(clean.substring(dot)) <= 16;
        String stem = extension ? clean.substring(0, dot) : clean;
        String tail = (attempt == 1 ? "" : "-" + attempt) + (extension ? clean.substring(dot) : "");
        return truncate(stem, NAME_MAX - reserve - bytes(tail)) + tail;
    }

    private static String clean(String name) {
        return UNSAFE.matcher(name).replaceAll("_");
    }

    /** The longest prefix of {@code text} within {@code max} UTF-8 bytes, never splitting a character. */
    static String truncate(String text, int max) {
        if (bytes(text) <= max) {
            return text;
        }
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > max) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
