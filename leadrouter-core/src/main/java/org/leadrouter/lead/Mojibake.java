package org.leadrouter.lead;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and repairs UTF-8 text that was read as Windows-1252 ("PÃ©rez" for "Pérez", "â‚¬" for "€"), which a CRM
 * must never receive.
 *
 * <p>Only the sequences Spanish and European data produce are considered, so that genuine text such as "JOSÉ"
 * followed by a non-breaking space is never taken for one: Â Ã Ä Å followed by a character standing for a
 * continuation byte (accented Latin letters, U+0080–U+017F), and â followed by two (punctuation, € and ™,
 * U+2000–U+21FF).
 */
public final class Mojibake {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The characters Windows-1252 shows for continuation bytes 0x80–0xBF (U+0081 etc. for undefined bytes). */
    private static final String CONTINUATION = continuationCharacters();
    private static final Pattern GARBLED = Pattern.compile(
            "[\\u00C2-\\u00C5][" + CONTINUATION + "]|\\u00E2[" + CONTINUATION + "]{2}");
    /** Remains of mojibake whose bytes were lost (an undefined byte dropped, a "?" written for it). */
    private static final Pattern BROKEN = Pattern.compile("\u00E2\u20AC|[\u00C2\u00C3][?\uFFFD]");
    private static final int MAX_ROUNDS = 3;

    private Mojibake() {
    }

    /**
     * True when the text holds a sequence that reads as UTF-8 mis-decoded as Windows-1252, or the remains of one
     * that cannot be repaired ("â€" whose third byte was lost, "Ã?").
     */
    public static boolean looksGarbled(String value) {
        if (!hasLeadCharacter(value)) {
            return false;
        }
        if (BROKEN.matcher(value).find()) {
            return true;
        }
        Matcher m = GARBLED.matcher(value);
        while (m.find()) {
            if (decode(m.group()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every garbled sequence decoded back ("PÃ©rez" → "Pérez"); text saved wrongly several times is
     * repaired up to three times over. Text without such sequences comes back unchanged (the same instance).
     */
    public static String repair(String value) {
        if (!hasLeadCharacter(value)) {
            return value;
        }
        String current = value;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Matcher m = GARBLED.matcher(current);
            StringBuilder out = null;
            int last = 0;
            while (m.find()) {
                String decoded = decode(m.group());
                if (decoded == null) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(current.length());
                }
                out.append(current, last, m.start()).append(decoded);
                last = m.end();
            }
            if (out == null) {
                return current;
            }
            current = out.append(current, last, current.length()).toString();
        }
        return current;
    }

    /** Every garbled sequence starts with Â, Ã, Ä, Å or â: text without them (most values) needs no regex. */
    private static boolean hasLeadCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '\u00C2' && c <= '\u00C5' || c == '\u00E2') {
                return true;
            }
        }
        return false;
    }

    /** The UTF-8 reading of the Windows-1252 bytes of a candidate sequence, or null when it is not valid UTF-8. */
    private static String decode(String sequence) {
        byte[] bytes = new byte[sequence.length()];
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                bytes[i] = (byte) c; // an undefined Windows-1252 byte some tools pass through as U+0080–U+009F
                continue;
            }
            CharsetEncoder encoder = WINDOWS_1252.newEncoder();
            try {
                ByteBuffer one = encoder.encode(CharBuffer.wrap(String.valueOf(c)));
                bytes[i] = one.get();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (decoded.length() != 1) {
            return null;
        }
        char c = decoded.charAt(0);
        return c >= 0x80 && c <= 0x17F || c >= 0x2000 && c <= 0x21FF ? decoded : null;
    }

    private static String continuationCharacters() {
        StringBuilder chars = new StringBuilder();
        for (int b = 0x80; b <= 0xBF; b++) {
            char c = new String(new byte[] {(byte) b}, WINDOWS_1252).charAt(0);
            if (c != '\uFFFD') {
                chars.append(String.format("\\u%04X", (int) c));
            }
            // the C1 control of the same number, as some tools pass undefined bytes through
            chars.append(String.format("\\u%04X", b));
        }
        return chars.toString();
    }
}
