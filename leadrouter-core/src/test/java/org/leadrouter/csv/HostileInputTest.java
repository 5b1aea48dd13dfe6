package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.leadrouter.config.InputLimits;
import org.leadrouter.lead.RawLead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile files: each is refused with a plain reason, or read with the bad rows noted. */
class HostileInputTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private final LeadCsvReader reader = new LeadCsvReader();

    private LeadFile read(String text) throws UnreadableFileException {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), "leads.csv");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ---- size and row limits

    @Test
    void defaultLimitsAre50MegabytesAnd100000Rows() {
        assertThat(new LeadCsvReader().limits()).isEqualTo(new InputLimits(50L * 1024 * 1024, 100_000));
    }

    @Test
    void fileOverTheByteLimitIsRefusedBeforeReadingSayingSizeAndLimit() throws Exception {
        Path big = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(new byte[3 * 1024 * 1024 + 300 * 1024]);
        }
        // all zero bytes: were it read, it would be refused as binary, not for its size
        LeadCsvReader small = new LeadCsvReader(new InputLimits(1024 * 1024, 100));
        assertThatThrownBy(() -> small.read(big))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file is 3.3 MB, larger than the 1 MB this program accepts: split it into smaller "
                        + "files (for example by date or by campaign) and drop them one at a time");
    }

    @Test
    void bytesOverTheLimitAreRefusedAndNearlyEqualSizesAreShownExactly() {
        LeadCsvReader small = new LeadCsvReader(new InputLimits(2048, 100));
        assertThatThrownBy(() -> small.read(new byte[2049], "x.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the file is 2,049 bytes, larger than the 2,048 bytes this program accepts");
    }

    @Test
    void fileAtTheByteLimitIsRead() throws Exception {
        byte[] content = "Nombre,Email\nAna,ana@ejemplo.com\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("ok.csv"), content);
        LeadFile read = new LeadCsvReader(new InputLimits(content.length, 1)).read(file);
        assertThat(read.rows()).hasSize(1);
    }

    @Test
    void moreRowsThanTheLimitAreRefusedSayingTheLimit() {
        StringBuilder csv = new StringBuilder("Nombre;Email\n");
        for (int i = 0; i < 12; i++) {
            csv.append("Ana ").append(i).append(";ana").append(i).append("@ejemplo.com\n\n");
        }
        LeadCsvReader tenRows = new LeadCsvReader(new InputLimits(1024 * 1024, 10));
        assertThatThrownBy(() -> tenRows.read(csv.toString().getBytes(StandardCharsets.UTF_8), "x.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file has more than 10 rows of leads, the most this program accepts in one file: split "
                        + "it into files of at most 10 rows (each with the header row) and drop them one at a time");
    }

    @Test
    void theRowLimitStopsTheReadingAtTheFirstRowPastIt() {
        // what lies after the row past the limit is never read: here a quotation mark that is never closed
        StringBuilder csv = new StringBuilder("Nombre;Email\n");
        for (int i = 0; i < 11; i++) {
            csv.append("Ana ").append(i).append(";ana").append(i).append("@ejemplo.com\n");
        }
        csv.append("\"Ana sin cerrar;ana@ejemplo.com\n".repeat(3));
        LeadCsvReader tenRows = new LeadCsvReader(new InputLimits(1024 * 1024, 10));
        assertThatThrownBy(() -> tenRows.read(csv.toString().getBytes(StandardCharsets.UTF_8), "x.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the file has more than 10 rows of leads");
    }

    @Test
    void moreRowsThanTheHeapCanHoldAreRefusedWhateverTheLimitSays() {
        StringBuilder csv = new StringBuilder("Nombre;Email\n");
        for (int i = 0; i < 12; i++) {
            csv.append("Ana ").append(i).append(";ana").append(i).append("@ejemplo.com\n");
        }
        // a heap that holds 10 rows, and a row limit far above it
        LeadCsvReader smallHeap = new LeadCsvReader(new InputLimits(1024 * 1024, 1_000_000), 10 * LeadCsvReader.HEAP_PER_ROW);
        assertThatThrownBy(() -> smallHeap.read(csv.toString().getBytes(StandardCharsets.UTF_8), "x.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the file has more than 10 rows of leads, more than this program can hold in "
                        + "its memory (")
                .hasMessageContaining("give leadrouter more memory");
    }

    @Test
    void aFileLargerThanTheHeapCanHoldIsRefusedBeforeReadingWhateverTheLimitSays() throws Exception {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "Nombre;Email\n" + "Ana;ana@ejemplo.com\n".repeat(1000));
        long heap = 10_000 * LeadCsvReader.HEAP_PER_BYTE; // holds a 10,000-byte file; this one is 20,000
        LeadCsvReader smallHeap = new LeadCsvReader(new InputLimits(1024L * 1024 * 1024, 1_000_000), heap);
        assertThat(smallHeap.maxBytes()).isEqualTo(10_000);
        assertThatThrownBy(() -> smallHeap.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("larger than the 9.8 KB this program can hold in its memory");
    }

    @Test
    void exactlyTheRowLimitIsRead() throws Exception {
        LeadCsvReader twoRows = new LeadCsvReader(new InputLimits(1024, 2));
        LeadFile file = twoRows.read("Nombre,Email\nA,a@x.es\nB,b@x.es\n\n;;\n".getBytes(StandardCharsets.UTF_8),
                "x.csv");
        assertThat(file.rows()).hasSize(2);
    }

    @Test
    void nonPositiveLimitsAreAProgrammingError() {
        assertThatThrownBy(() -> new LeadCsvReader(new InputLimits(0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- whole-file problems

    @Test
    void headerOnlyIsNotAnError() throws Exception {
        LeadFile file = read("Nombre;Email;Teléfono\r\n\r\n;;\r\n");
        assertThat(file.rows()).isEmpty();
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void blankHeaderNamesWithDataUnderThemAreWarnedAbout() throws Exception {
        LeadFile file = read("Nombre,,Email,,\nAna,Sevilla,ana@ejemplo.com,,\nJuan,Cádiz,juan@ejemplo.com,,\n");
        assertThat(file.rows()).extracting(RawLead::email).containsExactly("ana@ejemplo.com", "juan@ejemplo.com");
        assertThat(file.warnings()).containsExactly("column B has no name in the header row, so its values (in 2 "
                + "rows) were ignored: give it a name such as Email or Teléfono if it holds leads' data");
    }

    @Test
    void exactlyRepeatedHeaderKeepsTheFirstColumn() throws Exception {
        LeadFile file = read("Email;Nombre;Email\nana@ejemplo.com;Ana;otra@ejemplo.com\n");
        assertThat(file.rows().get(0).email()).isEqualTo("ana@ejemplo.com");
        assertThat(file.warnings()).containsExactly("column 'Email' repeats column 'Email'; only the first one is used");
    }

    @Test
    void headerWithManyUnknownColumnsIsSummarisedNotDumped() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            header.append("Columna ").append(i).append(',');
        }
        assertThatThrownBy(() -> read(header + "\n1,2,3\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("found 40 columns").hasMessageNotContaining("Columna");
    }

    @Test
    void headerWithNameButNeitherEmailNorPhoneIsUnreadable() {
        assertThatThrownBy(() -> read("Nombre;Curso;Fecha\nAna;Salud;28/07/2025\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("neither an Email nor a Teléfono column")
                .hasMessageEndingWith("Add a column named Email or Teléfono and drop the file again");
    }

    @Test
    void xlsxSavedUnderACsvNameIsRecognised() throws Exception {
        byte[] xlsx = zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
        assertThatThrownBy(() -> reader.read(xlsx, "leads.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("this is an Excel workbook (.xlsx), not a CSV: open it in Excel and use File › Save As › "
                        + "CSV UTF-8, then drop the CSV file instead");
    }

    @Test
    void openDocumentSpreadsheetIsRecognised() throws Exception {
        byte[] ods = zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>");
        assertThatThrownBy(() -> reader.read(ods, "leads.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("this is an OpenDocument spreadsheet (.ods")
                .hasMessageContaining("LibreOffice Calc, use File › Save As › Excel 2007-365 (.xlsx) or Text CSV");
    }

    @Test
    void plainZipIsRecognised() throws Exception {
        byte[] zip = zip("leads.csv", "Nombre,Email\n");
        assertThatThrownBy(() -> reader.read(zip, "leads.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("this is a ZIP archive, not a CSV or an Excel workbook that can be read: if it holds files, "
                        + "unzip it and drop the CSV file or Excel workbook (.xlsx) it contains");
    }

    @Test
    void gzipIsRecognised() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("Nombre,Email\nAna,ana@ejemplo.com\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> reader.read(bytes.toByteArray(), "leads.csv.gz"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("this is a GZIP-compressed file (.gz), not a CSV or an Excel workbook: decompress it");
    }

    @Test
    void htmlExportedUnderAnXlsNameIsRecognised() {
        byte[] html = "\r\n<HTML><body><table><tr><td>Nombre</td></tr></table></body></HTML>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(html, "leads.xls"))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("this is a web page (HTML)");
    }

    @Test
    void randomBinaryIsRecognised() {
        byte[] binary = new byte[10_000];
        new Random(42).nextBytes(binary);
        binary[0] = 'N'; // no known magic number
        assertThatThrownBy(() -> reader.read(binary, "leads.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("this is not a text file (it contains binary data)");
    }

    @Test
    void utf16WithoutBomIsRead() throws Exception {
        byte[] content = "Nombre;Email\r\nJosé;jose@ejemplo.com\r\n".getBytes(StandardCharsets.UTF_16LE);
        LeadFile file = reader.read(content, "x.csv");
        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(file.rows()).extracting(RawLead::name).containsExactly("José");
    }

    // ---- quotation marks

    @Test
    void unterminatedQuoteNamesTheLineOfTheQuoteNotOfTheRecord() {
        // the row starts on line 2; its second value spans lines 2-3; the unclosed quote opens on line 3
        assertThatThrownBy(() -> read("Nombre,Email,Curso\n\"Ana\nGómez\",\"ana@ejemplo.com,Salud\n"
                + "Luis,luis@ejemplo.com,Salud\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("a quotation mark (\") opened on line 3 is never closed, so the rest of the file cannot be "
                        + "read: close or remove that quotation mark on line 3 and drop the file again");
    }

    @Test
    void strayQuoteThatSwallowsRowsUntilAnotherStrayQuoteIsRefused() {
        String csv = "Nombre,Email,Teléfono,Curso\n"
                + "Ana,\"ana@ejemplo.com,600123456,Salud\n"
                + "Luis,luis@ejemplo.com,600123457,Salud\n"
                + "Eva,eva@ejemplo.com,600123458,\"Salud\n";
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("a quotation mark (\") opened on line 2 is only closed on line 4, so lines 3 to 4, which "
                        + "look like rows of leads, would be read as a single value: close or remove the quotation "
                        + "mark on line 2 and drop the file again");
    }

    @Test
    void genuineMultiLineCellsAreStillRead() throws Exception {
        LeadFile file = read("Nombre,Email,Teléfono,Curso\nAna,ana@ejemplo.com,600123456,\"Salud,\nnivel 2, tarde\"\n");
        assertThat(file.rows().get(0).course()).isEqualTo("Salud,\nnivel 2, tarde");
    }

    // ---- row problems

    @Test
    void rowsWithMoreAndFewerFieldsAreReadWithNotes() throws Exception {
        LeadFile file = read("Nombre;Email;Teléfono\nAna;ana@ejemplo.com;600123456;Sevilla\nJuan;juan@ejemplo.com\n"
                + "Eva;eva@ejemplo.com;600123458\n");
        assertThat(file.rows()).extracting(RawLead::name).containsExactly("Ana", "Juan", "Eva");
        assertThat(file.rows()).extracting(RawLead::notes).containsExactly(
                List.of("1 value beyond the last column was ignored"),
                List.of("the row has only 2 of the 3 columns; Teléfono was taken as empty"),
                List.of());
    }

    @Test
    void nulAndControlCharactersAreRemovedWithANote() throws Exception {
        LeadFile file = read("Nombre,Email\nAn\u0000a\u0007 G\u001Bómez,ana@ejemplo.com\u0000\u0085\n");
        RawLead row = file.rows().get(0);
        assertThat(row.name()).isEqualTo("Ana Gómez");
        assertThat(row.email()).isEqualTo("ana@ejemplo.com");
        assertThat(row.notes()).containsExactly("Nombre: removed 3 invisible control characters (such as NUL)",
                "Email: removed 2 invisible control characters (such as NUL)");
    }

    @Test
    void aFiveMegabyteCellIsCutWithANoteAndTheOtherRowsGoThrough() throws Exception {
        String huge = "x".repeat(5 * 1024 * 1024);
        LeadFile file = read("Nombre;Email;Curso\nAna;ana@ejemplo.com;" + huge + "\nJuan;juan@ejemplo.com;Salud\n");
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).course()).hasSize(LeadCsvReader.MAX_VALUE_LENGTH);
        assertThat(file.rows().get(0).notes()).containsExactly("Curso: a value of 5,242,880 characters was cut to "
                + "its first 1,000 (no lead's data is that long: check this row)");
        assertThat(file.rows().get(1).row()).isEqualTo(3);
        assertThat(file.rows().get(1).notes()).isEmpty();
    }

    @Test
    void aHugeHeaderCellIsShortInMessages() {
        assertThatThrownBy(() -> read("Nombre," + "h".repeat(2_000_000) + "\nAna,x\n"))
                .isInstanceOf(UnreadableFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    // ---- encodings

    @Test
    void windows1252ByteInsideAUtf8FileDoesNotTurnTheUtf8IntoMojibake() throws Exception {
        byte[] content = concat("Nombre;Email;Curso\nJosé Pérez;jose@ejemplo.com;Peluquería\nNúria ".getBytes(
                StandardCharsets.UTF_8), "Ibáñez".getBytes(WINDOWS_1252), ";nuria@ejemplo.com;Salud\n"
                .getBytes(StandardCharsets.UTF_8));
        LeadFile file = reader.read(content, "x.csv");
        assertThat(file.charset()).isEqualTo(WINDOWS_1252);
        assertThat(file.rows()).extracting(RawLead::name).containsExactly("José Pérez", "Núria Ibáñez");
        assertThat(file.rows().get(0).course()).isEqualTo("Peluquería");
        assertThat(file.warnings()).singleElement().asString()
                .startsWith("the file mixes two character encodings (Windows-1252 and UTF-8)");
    }

    @Test
    void windows1252TextThatHappensToFormUtf8SequencesStaysWindows1252() throws Exception {
        // Ñ + ’ (D1 92), É + NBSP (C9 A0), ç + two NBSPs (E7 A0 A0) are well-formed UTF-8, but not what was meant
        byte[] content = concat("Nombre;Email\nMUÑ’S JOSÉ\u00A0ç\u00A0\u00A0x;ana@ejemplo.com\n".getBytes(WINDOWS_1252),
                "Ana ".getBytes(StandardCharsets.UTF_8), "Ibáñez;b@ejemplo.com\n".getBytes(WINDOWS_1252));
        LeadFile file = reader.read(content, "x.csv");
        assertThat(file.charset()).isEqualTo(WINDOWS_1252);
        assertThat(file.rows()).extracting(RawLead::name).containsExactly("MUÑ’S JOSÉ\u00A0ç\u00A0\u00A0x",
                "Ana Ibáñez");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void mojibakeWrittenIntoTheFileIsRepairedWithANote() throws Exception {
        LeadFile file = read("Nombre;Email;Curso;Origen\nJosÃ© PÃ©rez IbÃ¡Ã±ez;jose@ejemplo.com;"
                + "InformÃ¡tica 300 â‚¬;CampaÃ±a â€œverano â€\u009D\n");
        RawLead row = file.rows().get(0);
        assertThat(row.name()).isEqualTo("José Pérez Ibáñez");
        assertThat(row.course()).isEqualTo("Informática 300 €");
        assertThat(row.source()).isEqualTo("Campaña “verano ”");
        assertThat(row.notes()).contains("Nombre: garbled accents repaired ('JosÃ© PÃ©rez IbÃ¡Ã±ez' became "
                + "'José Pérez Ibáñez'; the file was saved with the wrong character encoding)");
        assertThat(row.notes()).hasSize(3);
    }

    @Test
    void utf8FileSavedTwiceIsRepaired() throws Exception {
        String once = new String("Nombre;Email\nMaría Núñez;maria@ejemplo.com\n".getBytes(StandardCharsets.UTF_8),
                WINDOWS_1252);
        String twice = new String(once.getBytes(StandardCharsets.UTF_8), WINDOWS_1252);
        LeadFile file = reader.read(twice.getBytes(StandardCharsets.UTF_8), "x.csv");
        assertThat(file.rows().get(0).name()).isEqualTo("María Núñez");
    }

    @Test
    void mojibakeInTheHeaderIsRepairedSoTheColumnIsRecognised() throws Exception {
        LeadFile file = read("Nombre;TelÃ©fono\nAna;600123456\n");
        assertThat(file.header()).containsExactly("Nombre", "Teléfono");
        assertThat(file.rows().get(0).phone()).isEqualTo("600123456");
    }

    @Test
    void genuineUppercaseAccentsBeforeANonBreakingSpaceAreNotTakenForMojibake() throws Exception {
        LeadFile file = read("Nombre;Email\nJOSÉ\u00A0PÉREZ ÑAÑEZ;jose@ejemplo.com\n");
        assertThat(file.rows().get(0).name()).isEqualTo("JOSÉ\u00A0PÉREZ ÑAÑEZ");
        assertThat(file.rows().get(0).notes()).isEmpty();
    }

    // ---- values the CRM mishandles survive reading as written (validation decides)

    @Test
    void quotesApostrophesBackslashesAndInvisibleSpacesSurviveReading() throws Exception {
        LeadFile file = read("Nombre,Email,Teléfono\n\"Ana \"\"La Jefa\"\" O'Brien\\\",\u200B o'brien@example.com\uFEFF ,"
                + "\u00A0+34 600 12 34 56 ext. 12\n");
        RawLead row = file.rows().get(0);
        assertThat(row.name()).isEqualTo("Ana \"La Jefa\" O'Brien\\");
        assertThat(row.email()).isEqualTo("o'brien@example.com");
        assertThat(row.phone()).isEqualTo("+34 600 12 34 56 ext. 12");
    }

    // ---- file names

    @Test
    void fileNameIsKeptButItsDisplayNameIsOneSafeLine() throws Exception {
        String name = "leads de\nmarzo\u202Evsc.exe \t" + "ñ".repeat(250) + ".csv";
        LeadFile file = reader.read("Nombre,Email\nAna,a@x.es\n".getBytes(StandardCharsets.UTF_8), name);
        assertThat(file.fileName()).isEqualTo(name);
        assertThat(file.displayName()).doesNotContain("\n", "\t", "\u202E").hasSizeLessThanOrEqualTo(120)
                .startsWith("leads de marzo vsc.exe ñññ").endsWith("ñññ.csv").contains("…");
        LeadFile plain = reader.read("Nombre,Email\nAna,a@x.es\n".getBytes(StandardCharsets.UTF_8),
                "Leads Campaña Otoño.csv");
        assertThat(plain.displayName()).isEqualTo("Leads Campaña Otoño.csv");
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                if ("mimetype".equals(namesAndContents[i])) { // OpenDocument stores it first and uncompressed
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
