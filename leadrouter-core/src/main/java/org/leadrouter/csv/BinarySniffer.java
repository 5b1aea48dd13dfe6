package org.leadrouter.csv;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.leadrouter.i18n.Text;

/** Recognises files that are not text at all, so the user hears "this is an Excel workbook" rather than gibberish. */
final class BinarySniffer {

    /** How much of a ZIP file is searched for the names of its first entries. */
    private static final int ZIP_SNIFF_LENGTH = 64 * 1024;
    /** How many leading characters of the decoded text are checked for binary garbage. */
    private static final int TEXT_SNIFF_LENGTH = 8 * 1024;

    private BinarySniffer() {
    }

    /** Refuses files whose first bytes say they are a known non-CSV format (spreadsheet, archive, PDF...). */
    static void rejectKnownFormats(byte[] bytes) throws UnreadableFileException {
        if (DecodedText.startsWith(bytes, 'P', 'K', 3, 4) || DecodedText.startsWith(bytes, 'P', 'K', 5, 6)
                || DecodedText.startsWith(bytes, 'P', 'K', 7, 8)) {
            throw new UnreadableFileException(zipKind(bytes));
        }
        if (DecodedText.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new UnreadableFileException(new Text("file.office"));
        }
        if (DecodedText.startsWith(bytes, 0x1F, 0x8B)) {
            throw new UnreadableFileException(new Text("file.gzip"));
        }
        if (DecodedText.startsWith(bytes, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
                || DecodedText.startsWith(bytes, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            throw new UnreadableFileException(new Text("file.archive"));
        }
        if (DecodedText.startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new UnreadableFileException(new Text("file.pdf"));
        }
        if (DecodedText.startsWith(bytes, 0x89, 'P', 'N', 'G') || DecodedText.startsWith(bytes, 0xFF, 0xD8, 0xFF)
                || DecodedText.startsWith(bytes, 'G', 'I', 'F', '8')) {
            throw new UnreadableFileException(new Text("file.image"));
        }
        if (DecodedText.startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
            throw new UnreadableFileException(new Text("file.rtf"));
        }
        String start = leadingText(bytes);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")) {
            throw new UnreadableFileException(new Text("file.html"));
        }
        if (start.startsWith("<?xml")) {
            throw new UnreadableFileException(new Text("file.xml"));
        }
    }

    /** Refuses text that is mostly control characters: a binary file of a kind not recognised above. */
    static void rejectBinaryText(String text) throws UnreadableFileException {
        int end = Math.min(text.length(), TEXT_SNIFF_LENGTH);
        int controls = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        // a few stray NULs in values are removed later, row by row; binary data has them everywhere
        boolean binary = controls >= 16 ? controls * 20L > end : controls >= 3 && controls * 5L > end;
        if (binary) {
            throw new UnreadableFileException(new Text("file.binary"));
        }
    }

    private static Text zipKind(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, ZIP_SNIFF_LENGTH), StandardCharsets.ISO_8859_1);
        if (head.contains("application/vnd.oasis.opendocument.spreadsheet")) {
            return new Text("file.ods");
        }
        if (head.contains("application/vnd.oasis.opendocument")) {
            return new Text("file.opendocument");
        }
        if (head.contains("xl/")) {
            return new Text("file.xlsx-not-csv");
        }
        if (head.contains("word/") || head.contains("ppt/")) {
            return new Text("file.word");
        }
        return new Text("file.zip");
    }

    /** The first characters after any BOM and blank space, lower-cased, for recognising markup. */
    private static String leadingText(byte[] bytes) {
        int i = DecodedText.startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        int end = Math.min(bytes.length, i + 16);
        return new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
