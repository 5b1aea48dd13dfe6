package org.leadrouter.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of a file and the charset it was decoded with, chosen from its BOM or by trying UTF-8 strictly.
 *
 * @param mixed true when the file was not valid UTF-8 yet held genuine UTF-8 sequences: each of those was read as
 *              UTF-8 and every other byte as Windows-1252, so neither part turns into mojibake
 */
record DecodedText(String text, Charset charset, boolean mixed) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Windows-1252 as a table; the five bytes it leaves undefined become U+FFFD, as Java's decoder does. */
    private static final char[] CP1252 = new String(range(), WINDOWS_1252).toCharArray();

    DecodedText {
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(charset, "charset == null");
    }

    /**
     * UTF-8 BOM → UTF-8; UTF-16 BOM (Excel's "Unicode text") → UTF-16; UTF-16 without BOM (recognised by its
     * zero bytes) → UTF-16; bytes valid as UTF-8 → UTF-8; anything else → Windows-1252, which decodes every byte
     * and is what Spanish Excel writes, except that genuine UTF-8 sequences in such a file are read as UTF-8.
     */
    static DecodedText decode(byte[] bytes) throws UnreadableFileException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return utf8OrMixed(bytes, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, false);
        }
        BinarySniffer.rejectKnownFormats(bytes);
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new DecodedText(new String(bytes, utf16), utf16, false);
        }
        return utf8OrMixed(bytes, 0);
    }

    private static DecodedText utf8OrMixed(byte[] bytes, int from) {
        if (validUtf8(bytes, from)) {
            return new DecodedText(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8, false);
        }
        StringBuilder out = new StringBuilder(bytes.length - from);
        boolean multiByte = false;
        int i = from;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i);
            if (length > 0 && plausibleInWindows1252Text(bytes, i, length)) {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                multiByte = true;
                i += length;
            } else {
                out.append(CP1252[b]);
                i++;
            }
        }
        return new DecodedText(out.toString(), WINDOWS_1252, multiByte);
    }

    /**
     * Whether a well-formed UTF-8 sequence met in a file that is not UTF-8 is taken as UTF-8. Genuine Windows-1252
     * text forms such sequences too: "Ñ" or "É" followed by "’" or a non-breaking space, "ç" followed by two
     * non-breaking spaces. So only sequences that Windows-1252 text cannot hold by chance are taken: Â Ã Ä Å
     * followed by a continuation (U+0080–U+017F, the accented Latin letters; in Windows-1252 text they are the mark
     * of misread UTF-8), â€ and the like (U+2000–U+21BF: dashes, quotes, €, ™), the BOM, and four-byte
     * sequences of emoji (U+1F000–U+1FFFF). Other characters of such a file are read as Windows-1252.
     */
    private static boolean plausibleInWindows1252Text(byte[] bytes, int i, int length) {
        int lead = bytes[i] & 0xFF;
        int second = bytes[i + 1] & 0xFF;
        return switch (length) {
            case 2 -> lead <= 0xC5;
            case 3 -> lead == 0xE2 && second <= 0x86 || lead == 0xEF && second == 0xBB && (bytes[i + 2] & 0xFF) == 0xBF;
            // emoji and pictographs (U+1F000–U+1FAFF): "ñ" or "ð" followed by non-breaking spaces would form others
            default -> lead == 0xF0 && second == 0x9F;
        };
    }

    private static boolean validUtf8(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i);
            if (length == 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /** Length of the well-formed UTF-8 sequence (2 to 4 bytes) starting at i, or 0 if there is none. */
    static int utf8SequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length;
        int min;
        int cp;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
            cp = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
            cp = b & 0x07;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int c = bytes[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            cp = cp << 6 | c & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            return 0;
        }
        return length;
    }

    /** UTF-16LE or BE when most bytes on one side of each pair are zero, as in ASCII text saved as UTF-16. */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, 4096) / 2;
        if (pairs < 2 || bytes.length % 2 != 0) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int p = 0; p < pairs; p++) {
            evenZeros += bytes[2 * p] == 0 ? 1 : 0;
            oddZeros += bytes[2 * p + 1] == 0 ? 1 : 0;
        }
        if (oddZeros * 10 >= pairs * 7 && evenZeros * 20 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 7 && oddZeros * 20 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] range() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }
}
