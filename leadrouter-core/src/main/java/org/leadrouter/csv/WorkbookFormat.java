package org.leadrouter.csv;

import java.io.IOException;
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
                return NONE; // a damaged archive: the CSV reader says what it looks like
            }
        }
        if (startsWith(head, OLE2)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntryCaseInsensitive("EncryptionInfo")
                        || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                    return ENCRYPTED;
                }
                if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                    return XLS;
                }
                return NONE;
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
        }
        return NONE;
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
