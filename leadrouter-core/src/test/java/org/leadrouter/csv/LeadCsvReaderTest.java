package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.leadrouter.lead.RawLead;
import org.junit.jupiter.api.Test;

/** Lead files as the sales team really sends them: any charset, delimiter, header spelling and mess. */
class LeadCsvReaderTest {

    private static final String HEADER = "Nombre,Email,Teléfono,Curso Interesado,Fecha entrada,Origen del leads\n";

    private final LeadCsvReader reader = new LeadCsvReader();

    private LeadFile read(String text) throws UnreadableFileException {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), "leads.csv");
    }

    private static RawLead lead(int row, String name, String email, String phone, String course, String date,
                                String source, String... notes) {
        return new RawLead(row, name, email, phone, course, date, source, List.of(notes));
    }

    @Test
    void semicolonDelimitedWindows1252FileReadsWithoutMojibake() throws Exception {
        LeadFile file = reader.read(Path.of("src/test/resources/csv/leads_windows1252_semicolon.csv"));

        assertThat(file.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.header()).contains("Teléfono");
        assertThat(file.rows()).containsExactly(
                lead(2, "Juan Pérez", "juan.perez@ejemplo.com", "+34 600 12 34 56", "Electricidad", "28/07/2025",
                        "Portales"),
                lead(3, "María José García López", "MAILTO:Maria.Garcia@Ejemplo.com", "0034-600-123-457",
                        "Peluquería", "1/8/2025", "SEO"));
    }

    @Test
    void tabDelimitedUtf8FileWithBomAndAliasHeadersReads() throws Exception {
        LeadFile file = reader.read(Path.of("src/test/resources/csv/leads_utf8_bom_tab.csv"));

        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(file.delimiter()).isEqualTo('\t');
        assertThat(file.header()).first().isEqualTo("Nombre"); // the BOM is not part of the first header
        assertThat(file.rows()).containsExactly(
                lead(2, "José Núñez", "jose@ejemplo.com", "600 11 22 33", "Soldadura", "2025-07-28", "Facebook"));
    }

    @Test
    void utf16FileSavedAsExcelUnicodeTextReads() throws Exception {
        byte[] body = "Nombre\tEmail\r\nJosé\tjose@ejemplo.com\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[body.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(body, 0, content, 2, body.length);

        LeadFile file = reader.read(content, "unicode.txt");

        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(file.rows()).extracting(RawLead::name).containsExactly("José");
    }

    @Test
    void euroSignInWindows1252IsDecoded() throws Exception {
        byte[] content = "Nombre;Email;Curso\nAna;ana@ejemplo.com;Curso 300 \u20AC\n".getBytes("windows-1252");
        assertThat(reader.read(content, "x.csv").rows().get(0).course()).isEqualTo("Curso 300 €");
    }

    @Test
    void headersWithOddCaseAccentsAndSpacesAreRecognised() throws Exception {
        LeadFile file = read("NOMBRE;E-Mail;  TELEFONO ;curso interesado;FECHA;origen\n"
                + "Ana;ana@ejemplo.com;600123456;Salud;28/07/2025;SEO\n");

        assertThat(file.warnings()).isEmpty();
        assertThat(file.rows()).containsExactly(
                lead(2, "Ana", "ana@ejemplo.com", "600123456", "Salud", "28/07/2025", "SEO"));
    }

    @Test
    void columnsInAnyOrderAreMappedByHeader() throws Exception {
        LeadFile file = read("Teléfono,Origen,Nombre,Email\n600123456,SEO,Ana,ana@ejemplo.com\n");
        assertThat(file.rows()).containsExactly(lead(2, "Ana", "ana@ejemplo.com", "600123456", "", "", "SEO"));
    }

    @Test
    void swappedCourseAndDateArePutBack() throws Exception {
        LeadFile file = read(HEADER + "Ana,ana@ejemplo.com,600123456,28/07/2025,Electricidad,SEO\n");
        assertThat(file.rows()).containsExactly(lead(2, "Ana", "ana@ejemplo.com", "600123456", "Electricidad",
                "28/07/2025", "SEO", "Curso Interesado and Fecha entrada were swapped; swapped back"));
    }

    @Test
    void twoDatesAreNotSwapped() throws Exception {
        LeadFile file = read(HEADER + "Ana,ana@ejemplo.com,600123456,28/07/2025,29/07/2025,SEO\n");
        assertThat(file.rows().get(0).course()).isEqualTo("28/07/2025");
        assertThat(file.rows().get(0).notes()).isEmpty();
    }

    @Test
    void swappedEmailAndPhoneArePutBack() throws Exception {
        LeadFile file = read("Nombre;Correo;Móvil\nAna;600123456;ana@ejemplo.com\n");
        assertThat(file.rows()).containsExactly(lead(2, "Ana", "ana@ejemplo.com", "600123456", "", "", "",
                "Correo and Móvil were swapped; swapped back"));
    }

    @Test
    void valuesAreTrimmedOfNonBreakingAndOtherUnicodeSpaces() throws Exception {
        LeadFile file = read("Nombre,Email\n\u00A0 Ana Gómez\u2007\u00A0,\u3000ana@ejemplo.com\t\n");
        assertThat(file.rows()).containsExactly(lead(2, "Ana Gómez", "ana@ejemplo.com", "", "", "", ""));
    }

    @Test
    void quotedValuesKeepDelimitersAndDoubledQuotes() throws Exception {
        LeadFile file = read("Nombre,Email,Curso\n\"Gómez, Ana \"\"Anita\"\"\",ana@ejemplo.com, \"Salud, nivel 2\"\n");
        assertThat(file.rows().get(0).name()).isEqualTo("Gómez, Ana \"Anita\"");
        assertThat(file.rows().get(0).course()).isEqualTo("Salud, nivel 2");
    }

    @Test
    void multiLineCellsKeepExcelRowNumbering() throws Exception {
        // a spreadsheet shows the quoted line break inside row 2's cell, so Juan is on row 3
        LeadFile file = read(HEADER
                + "Ana,ana@ejemplo.com,600123456,\"Salud\nnivel 2\",28/07/2025,SEO\n"
                + "Juan,juan@ejemplo.com,600123457,Electricidad,28/07/2025,SEO\n");
        assertThat(file.rows()).extracting(RawLead::row).containsExactly(2, 3);
        assertThat(file.rows().get(0).course()).isEqualTo("Salud\nnivel 2");
    }

    @Test
    void blankLinesAreSkippedButCountedInRowNumbers() throws Exception {
        LeadFile file = read("\n  \nNombre;Email\r\n\r\nAna;ana@ejemplo.com\r\n;\r\n   ;  \r\nJuan;juan@ejemplo.com\r\n\r\n");
        assertThat(file.rows()).extracting(RawLead::row, RawLead::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "Ana"),
                        org.assertj.core.groups.Tuple.tuple(8, "Juan"));
    }

    @Test
    void oldMacLineEndingsAreLines() throws Exception {
        LeadFile file = read("Nombre,Email\rAna,ana@ejemplo.com\r\rJuan,juan@ejemplo.com\r");
        assertThat(file.rows()).extracting(RawLead::row).containsExactly(2, 4);
    }

    @Test
    void shortRowsGetEmptyValuesWithANote() throws Exception {
        LeadFile file = read(HEADER + "Ana,ana@ejemplo.com\n");
        assertThat(file.rows()).containsExactly(lead(2, "Ana", "ana@ejemplo.com", "", "", "", "",
                "the row has only 2 of the 6 columns; Teléfono, Curso Interesado, Fecha entrada, Origen del leads "
                        + "were taken as empty"));
    }

    @Test
    void extraValuesAreIgnoredWithANote() throws Exception {
        LeadFile file = read("Nombre,Email\nAna,ana@ejemplo.com,sobra,otra\nJuan,juan@ejemplo.com,x\n");
        assertThat(file.rows()).extracting(RawLead::notes).containsExactly(
                List.of("2 values beyond the last column were ignored"),
                List.of("1 value beyond the last column was ignored"));
    }

    @Test
    void emptyTrailingCellsFromExcelAreNotWorthANote() throws Exception {
        LeadFile file = read("Nombre;Email;;\nAna;ana@ejemplo.com;;;;\n");
        assertThat(file.warnings()).isEmpty();
        assertThat(file.rows().get(0).notes()).isEmpty();
    }

    @Test
    void duplicateHeaderKeepsTheFirstColumnAndWarns() throws Exception {
        LeadFile file = read("Nombre,Email,Correo\nAna,ana@ejemplo.com,otra@ejemplo.com\n");
        assertThat(file.rows().get(0).email()).isEqualTo("ana@ejemplo.com");
        assertThat(file.warnings()).containsExactly("column 'Correo' repeats column 'Email'; only the first one is used");
    }

    @Test
    void unknownColumnsAreIgnoredWithAWarning() throws Exception {
        LeadFile file = read("Nombre,Email,Ciudad\nAna,ana@ejemplo.com,Sevilla\n");
        assertThat(file.warnings()).containsExactly("column 'Ciudad' is not one the lead router knows; ignored");
    }

    @Test
    void fileWithoutNameColumnIsReadWithAWarning() throws Exception {
        LeadFile file = read("Email,Teléfono\nana@ejemplo.com,600123456\n");
        assertThat(file.rows()).hasSize(1);
        assertThat(file.warnings()).containsExactly(
                "there is no Nombre column, so every row will be rejected for having no name");
    }

    @Test
    void headerOnlyIsAFileWithoutRows() throws Exception {
        LeadFile file = read(HEADER);
        assertThat(file.rows()).isEmpty();
        assertThat(file.header()).hasSize(6);
    }

    @Test
    void delimiterTieGoesToComma() throws Exception {
        assertThat(read("Nombre;Email,Teléfono\n").delimiter()).isEqualTo(',');
    }

    @Test
    void delimitersInsideQuotedHeadersAreNotCounted() throws Exception {
        assertThat(read("\"Nombre, completo\";\"Email\"\n").delimiter()).isEqualTo(';');
    }

    @Test
    void emptyFileIsUnreadable() {
        assertThatThrownBy(() -> reader.read(new byte[0], "x.csv"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file is empty (0 bytes): it holds no header and no leads. "
                        + "Export the leads again and drop the new file");
    }

    @Test
    void fileOfBlankLinesIsUnreadable() {
        assertThatThrownBy(() -> read("\n  \r\n;;;\n"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("only blank lines");
    }

    @Test
    void unrecognisableHeaderSaysWhatWasExpectedAndFound() {
        assertThatThrownBy(() -> read("Juan Pérez,juan@ejemplo.com,600123456\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("expected columns such as Nombre, Email, Teléfono, Curso Interesado, "
                        + "Fecha entrada, Origen del leads")
                .hasMessageContaining("found 3 columns, none of them with a name it knows")
                .hasMessageNotContaining("Juan").hasMessageNotContaining("juan@ejemplo.com").hasMessageNotContaining("600123456");
    }

    @Test
    void headerWithoutEmailOrPhoneIsUnreadable() {
        assertThatThrownBy(() -> read("Nombre,Curso\nAna,Salud\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("neither an Email nor a Teléfono column")
                .hasMessageContaining("found 'Nombre', 'Curso'");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        assertThatThrownBy(() -> read(HEADER + "Ana,ana@ejemplo.com,600123456,Salud,28/07/2025,SEO\n"
                + "\nJuan,\"juan@ejemplo.com,600123457,Salud,28/07/2025,SEO\nLuis,luis@ejemplo.com,,,,\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("a quotation mark (\") opened on line 4 is never closed");
    }

    @Test
    void excelWorkbookIsRecognised() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertThatThrownBy(() -> reader.read(xlsx, "leads.xlsx"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Excel workbook")
                .hasMessageContaining("File › Save As › Excel Workbook (.xlsx) or CSV UTF-8");
    }

    @Test
    void oldExcelWorkbookIsRecognised() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> reader.read(xls, "leads.xls"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("old-format Excel workbook (.xls)");
    }

    @Test
    void pdfIsRecognised() {
        assertThatThrownBy(() -> reader.read("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "leads.pdf"))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("this is a PDF document");
    }

    @Test
    void binaryContentIsRecognised() {
        byte[] binary = {'N', 'o', 'm', 0, 1, 2, 'x'};
        assertThatThrownBy(() -> reader.read(binary, "leads.csv"))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("this is not a text file");
    }
}
