package org.leadrouter.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks no spreadsheet program writes but anyone can drop, written part by part as raw OOXML so that they can be
 * far larger inside than Apache POI would let a test build: a table of millions of short shared texts, one enormous
 * cell, a sheet of many wide rows, a sheet that unzips to hundreds of times its size. Each has a sheet of leads
 * (Nombre, Email, Teléfono) so that only its size can be held against it.
 */
public final class HostileWorkbooks {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.spreadsheetml.sharedStrings+xml\"/></Types>";
    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
            + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + "<sheet name=\"Hoja1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>";

    private HostileWorkbooks() {
    }

    /** A sheet of one lead beside a table of {@code count} short shared texts, random so that they barely zip. */
    public static Path manySharedTexts(Path file, int count) throws IOException {
        return write(file, count, "", 0);
    }

    /** One lead whose name is a cell of {@code chars} characters of words ("Ana López Ana López …"). */
    public static Path oneLongCell(Path file, int chars) throws IOException {
        StringBuilder name = new StringBuilder(chars + 10);
        while (name.length() < chars) {
            name.append("Ana López ");
        }
        name.setLength(chars);
        return write(file, 3, name.toString(), 0);
    }

    /** One lead, then {@code blankBytes} of blank space inside the sheet: it zips to a few hundredths of that. */
    public static Path inflating(Path file, int blankBytes) throws IOException {
        return write(file, 3, "Ana", blankBytes);
    }

    /** {@code rows} leads of {@code columns} filled cells each (the first three named as a lead file's). */
    public static Path wideRows(Path file, int rows, int columns) throws IOException {
        return workbook(file, "", texts -> {
            texts.write("<si><t>Nombre</t></si><si><t>Email</t></si><si><t>Teléfono</t></si>");
            for (int c = 3; c < columns; c++) {
                texts.write("<si><t>Dato " + c + "</t></si>");
            }
        }, sheet -> {
            sheet.write("<row r=\"1\">");
            for (int c = 0; c < columns; c++) {
                sheet.write("<c t=\"s\"><v>" + c + "</v></c>");
            }
            sheet.write("</row>");
            for (int r = 2; r <= rows + 1; r++) {
                sheet.write("<row r=\"" + r + "\"><c t=\"inlineStr\"><is><t>Persona " + r + "</t></is></c>"
                        + "<c t=\"inlineStr\"><is><t>persona" + r + "@example.com</t></is></c>"
                        + "<c><v>" + (600_000_000L + r) + "</v></c>");
                for (int c = 3; c < columns; c++) {
                    sheet.write("<c><v>" + c + "</v></c>");
                }
                sheet.write("</row>");
            }
        });
    }

    private static Path write(Path file, int sharedTexts, String longName, int blankBytes) throws IOException {
        return workbook(file, " count=\"" + sharedTexts + "\" uniqueCount=\"" + sharedTexts + "\"", texts -> {
            texts.write("<si><t>Nombre</t></si><si><t>Email</t></si><si><t>Teléfono</t></si>");
            Random random = new Random(sharedTexts);
            for (int i = 3; i < sharedTexts; i++) {
                texts.write("<si><t>" + Long.toString(random.nextLong() & 0xFFFFFFFFL, 36) + "</t></si>");
            }
        }, sheet -> {
            sheet.write(HEADER_ROW);
            sheet.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + (longName.isEmpty() ? "Ana" : longName)
                    + "</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>ana@example.com</t></is></c>"
                    + "<c r=\"C2\"><v>600123456</v></c></row>");
            char[] blank = new char[8192];
            Arrays.fill(blank, ' ');
            for (int written = 0; written < blankBytes; written += blank.length) {
                sheet.write(blank);
            }
        });
    }

    /** Writes the inside of one part of a workbook, as it goes: a part may be far larger than memory. */
    @FunctionalInterface
    public interface Part {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * A one-sheet {@code .xlsx} at {@code file}: its table of shared texts (the {@code <si>} items written by
     * {@code sharedTexts}, in an {@code <sst>} tag that also holds {@code sharedTextsAttributes}) and its sheet (the
     * {@code <row>}s written by {@code rows}).
     */
    public static Path workbook(Path file, String sharedTextsAttributes, Part sharedTexts, Part rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (String[] part : new String[][] {{"[Content_Types].xml", TYPES}, {"_rels/.rels", ROOT_RELS},
                    {"xl/workbook.xml", WORKBOOK}, {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS}}) {
                zip.putNextEntry(new ZipEntry(part[0]));
                zip.write(part[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            xml(zip, "xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\"" + sharedTextsAttributes + ">", sharedTexts,
                    "</sst>");
            xml(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData>", rows,
                    "</sheetData></worksheet>");
        }
        return file;
    }

    private static void xml(ZipOutputStream zip, String name, String open, Part inside, String close) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + open);
        inside.writeTo(w);
        w.write(close);
        w.flush();
        zip.closeEntry();
    }
}
