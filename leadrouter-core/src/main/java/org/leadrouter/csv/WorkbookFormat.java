package org.leadrouter.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Which kind of Excel workbook a file is, told by its content (never by its name). */
enum WorkbookFormat {
    /** Excel 2007 and later (.xlsx, .xlsm): a ZIP package with {@code xl/workbook.xml}. */
    XLSX,
    /** Excel binary workbook (.xlsb). */
    XLSB,
    /** Excel 97–2003 (.xls): an OLE2 compound file with a Workbook stream. */
    XLS,
    /** Excel 5.0/95 and older (.xls): an OLE2 file with a "Book" stream, or Excel 2.1–4's bare BIFF records. */
    XLS_OLD,
    /** A ZIP that names Excel's parts but cannot be opened: a download cut short, or a damaged .xlsx. */
    XLSX_DAMAGED,
    /** An Excel 2007+ workbook encrypted with a password: an OLE2 file holding an encrypted package. */
    ENCRYPTED,
    /** Not a workbook: the CSV reader takes it (and refuses what is not text). */
    NONE;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};

    /** The kind of {@code file}, whose first bytes are {@code head}. */
    static WorkbookFormat of(Path file, byte[] head) throws IOException {
        if (startsWith(head, ZIP)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("xl/workbook.bin") != null) {
                    return XLSB;
                }
                return NONE;
            } catch (ZipException e) {
                // a damaged archive: a workbook's when its first entries name Excel's parts, else the CSV reader
                // says what it looks like
                return namesExcelParts(head) ? XLSX_DAMAGED : NONE;
            }
        }
        if (startsWith(head, OLE2)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntryCaseInsensitive("EncryptionInfo")
                        || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                    return ENCRYPTED;
                }
                if (root.hasEntryCaseInsensitive("Workbook")) {
                    return XLS;
                }
                if (root.hasEntryCaseInsensitive("Book")) {
                    return XLS_OLD;
                }
                return NONE;
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
        }
        if (isBareBiff(head)) {
            return XLS_OLD;
        }
        return NONE;
    }

    /** Excel 2.1, 3 and 4 worksheets start with a BOF record (0x0009, 0x0209, 0x0409) of 4 to 16 bytes. */
    private static boolean isBareBiff(byte[] head) {
        return head.length >= 8 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04)
                && head[2] > 0 && head[2] <= 16 && head[3] == 0;
    }

    private static boolean namesExcelParts(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        return start.contains("xl/") || start.contains("[Content_Types].xml") && !start.contains("word/")
                && !start.contains("ppt/");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
