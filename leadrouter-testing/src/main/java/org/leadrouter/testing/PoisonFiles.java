package org.leadrouter.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Files that people and programs drop which no lead file reader can use: an Excel 5.0/95 workbook, a zip bomb. */
public final class PoisonFiles {
    private PoisonFiles() {
    }

    /**
     * An Excel 5.0/95 workbook (BIFF5): an OLE2 compound file whose stream is called "Book" (Excel 97 and later call
     * it "Workbook"), starting with a BIFF5 beginning-of-file record and ending with an end-of-file record.
     */
    public static byte[] excel95() throws IOException {
        ByteBuffer biff = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        biff.putShort((short) 0x0809).putShort((short) 8)    // BOF, 8 bytes in BIFF5
            .putShort((short) 0x0500).putShort((short) 0x0005) // BIFF5, workbook globals
            .putShort((short) 0x096C).putShort((short) 0x07C9); // build, year (1993)
        biff.putShort((short) 0x000A).putShort((short) 0);     // EOF
        byte[] stream = new byte[biff.position()];
        biff.flip().get(stream);
        byte[] padded = new byte[4096]; // OLE2 streams under 4 KB live in the mini stream; either is valid
        System.arraycopy(stream, 0, padded, 0, stream.length);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(padded), "Book");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /**
     * {@code xlsx} with its first worksheet padded by {@code paddingMegabytes} of blanks: a file of a few kilobytes
     * whose part expands a thousand times (POI refuses such a ratio as a zip bomb).
     */
    public static byte[] zipBomb(byte[] xlsx, int paddingMegabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < paddingMegabytes; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
