package org.leadrouter.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A workbook's table of shared texts held compactly: the UTF-8 bytes of every entry one after the other in blocks of
 * 1 MB, and one int per entry for where it starts, instead of one Java object per entry; a text is made a
 * {@code String} again only when a cell of the sheet being read refers to it.
 */
final class SharedTexts {
    private static final int BLOCK_BITS = 20;
    private static final int BLOCK = 1 << BLOCK_BITS;

    private final List<byte[]> blocks = new ArrayList<>();
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int size;
    private int used = BLOCK; // no block yet: the first text opens one

    int size() {
        return size;
    }

    void add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > BLOCK) {
            throw new IllegalArgumentException("a shared text of " + bytes.length + " bytes does not fit a block");
        }
        if (used + bytes.length > BLOCK) {
            blocks.add(new byte[BLOCK]);
            used = 0;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size + size / 2);
            lengths = Arrays.copyOf(lengths, starts.length);
        }
        System.arraycopy(bytes, 0, blocks.get(blocks.size() - 1), used, bytes.length);
        starts[size] = ((blocks.size() - 1) << BLOCK_BITS) | used;
        lengths[size] = bytes.length;
        size++;
        used += bytes.length;
    }

    /** The entry at {@code index}, or null when the workbook has no such entry. */
    String get(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        int start = starts[index];
        return new String(blocks.get(start >>> BLOCK_BITS), start & (BLOCK - 1), lengths[index],
                StandardCharsets.UTF_8);
    }
}
