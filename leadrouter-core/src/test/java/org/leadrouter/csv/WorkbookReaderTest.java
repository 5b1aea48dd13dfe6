package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.InputLimits;
import org.leadrouter.lead.RawLead;
import org.leadrouter.testing.Workbooks;
import org.leadrouter.testing.Workbooks.Formula;
import org.leadrouter.testing.Workbooks.Sheet;

/** Excel workbooks read like CSV files: sheet choice, row numbers, cells as shown, and clear refusals. */
class WorkbookReaderTest {
    private static final Object[] HEADER = {"Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada",
            "Origen del leads"};

    @TempDir
    Path dir;

    private final LeadFileReader reader = new LeadFileReader(LeadCsvReader.DEFAULT_LIMITS);

    private static Sheet leads(String name) {
        return new Sheet(name).row(HEADER)
                .row("Juan Pérez", "juan@example.com", 600123456, new Formula("\"Sal\"&\"ud\""),
                        LocalDate.of(2025, 7, 28), "Portales")
                .blankRow()
                .row("Ana Oculta", "ana@example.com", "+34 611 22 33 44", "Electricidad", "28/07/2025", "SEO")
                .hidden()
                .row("Luis Fórmula", new Formula("\"luis\"&\"@example.com\""), new Formula("600000000+555"),
                        "Salud", LocalDate.of(2025, 12, 1), "Feria");
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void xlsxIsReadLikeACsvWithTheSheetsRowNumbers() throws Exception {
        LeadFile file = reader.read(file("leads.xlsx", Workbooks.xlsx(leads("Hoja1"))));

        assertThat(file.header()).containsExactly("Nombre", "Email", "Teléfono", "Curso Interesado",
                "Fecha entrada", "Origen del leads");
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.rows()).extracting(RawLead::row).containsExactly(2, 4, 5);
        RawLead juan = file.rows().get(0);
        assertThat(juan.phone()).isEqualTo("600123456");
        assertThat(juan.course()).isEqualTo("Salud");
        assertThat(juan.entryDate()).isEqualTo("28/07/2025");
        assertThat(file.rows().get(1).name()).isEqualTo("Ana Oculta"); // a hidden row is still a row
        RawLead luis = file.rows().get(2);
        assertThat(luis.email()).isEqualTo("luis@example.com");
        assertThat(luis.phone()).isEqualTo("600000555");
        assertThat(luis.entryDate()).isEqualTo("01/12/2025");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void legacyXlsIsReadTheSameWay() throws Exception {
        LeadFile file = reader.read(file("leads.xls", Workbooks.xls(leads("Hoja1"))));

        assertThat(file.rows()).extracting(RawLead::row).containsExactly(2, 4, 5);
        assertThat(file.rows()).extracting(RawLead::phone)
                .containsExactly("600123456", "+34 611 22 33 44", "600000555");
        assertThat(file.rows()).extracting(RawLead::course).containsExactly("Salud", "Electricidad", "Salud");
        assertThat(file.rows()).extracting(RawLead::entryDate)
                .containsExactly("28/07/2025", "28/07/2025", "01/12/2025");
        assertThat(file.rows().get(2).email()).isEqualTo("luis@example.com");
    }

    @Test
    void phoneStoredAsPlainDigitsOrInScientificNotationReadsAsThePhone() throws Exception {
        byte[] xlsx = Workbooks.xlsx(new Sheet("Hoja1").row(HEADER)
                .row("Uno", "uno@example.com", 611111111, "Salud", "28/07/2025", "SEO")
                .row("Dos", "dos@example.com", 622222222, "Salud", "28/07/2025", "SEO"));
        // Excel writes <v>611111111</v>; other programs (and POI) write 6.11111111E8: one of each
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<v>6.11111111E8</v>", "<v>6.22222222E8</v>");
        byte[] mixed = replaceEntry(xlsx, "xl/worksheets/sheet1.xml",
                sheet.replace("<v>6.11111111E8</v>", "<v>611111111</v>"));

        LeadFile file = reader.read(file("telefonos.xlsx", mixed));

        assertThat(file.rows()).extracting(RawLead::phone).containsExactly("611111111", "622222222");
    }

    @Test
    void theSheetWhoseHeaderMatchesIsReadWhenTheFirstIsNotALeadList() throws Exception {
        Sheet summary = new Sheet("Resumen").row("Total de julio", 3.0).row("Campaña", "Verano");
        LeadFile file = reader.read(file("libro.xlsx", Workbooks.xlsx(summary, leads("Leads").startingAt(2))));

        assertThat(file.rows()).extracting(RawLead::row).containsExactly(4, 6, 7);
        assertThat(file.warnings()).singleElement().asString().contains("Leads");
    }

    @Test
    void valuesUnderANamelessColumnAreNotedAndUnknownColumnsIgnored() throws Exception {
        Path path = file("sin-nombre.xlsx", Workbooks.xlsx(new Sheet("Hoja1").row("Nombre", "", "Email", "Provincia")
                .row("Ana", "nota", "ana@example.com", "Madrid").row("Luis", "otra", "luis@example.com", "Soria")));

        LeadFile file = reader.read(path);

        assertThat(file.rows()).extracting(RawLead::email).containsExactly("ana@example.com", "luis@example.com");
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).startsWith("column B has no name")
                .contains("(in 2 rows)"));
    }

    @Test
    void aWorkbookWithoutALeadHeaderIsRefusedSayingWhatItFoundWithoutQuotingIt() throws Exception {
        Path path = file("otra.xlsx", Workbooks.xlsx(new Sheet("Hoja1").row("Producto", "Precio").row("Curso", 10)));

        assertThatThrownBy(() -> reader.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("found 2 columns").hasMessageContaining("Email")
                .hasMessageNotContaining("Producto");
    }

    @Test
    void aWorkbookWithNoWorksheetIsRefused() throws Exception {
        Path path = file("macros.xlsx", Workbooks.xlsx());

        assertThatThrownBy(() -> reader.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("no worksheet");
    }

    @Test
    void anEmptyWorkbookIsRefused() throws Exception {
        Path path = file("vacio.xlsx", Workbooks.xlsx(new Sheet("Hoja1"), new Sheet("Hoja2")));

        assertThatThrownBy(() -> reader.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedSayingSo() throws Exception {
        Path path = file("secreto.xlsx", Workbooks.encrypted(Workbooks.xlsx(leads("Hoja1"))));

        assertThatThrownBy(() -> reader.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("password");
    }

    @Test
    void aWorkbookNamedCsvIsReadAsTheWorkbookItIs() throws Exception {
        LeadFile file = reader.read(file("exportado.csv", Workbooks.xlsx(leads("Hoja1"))));

        assertThat(file.rows()).hasSize(3);
    }

    @Test
    void aWorkbookOverTheRowLimitIsRefusedWithItsSize() throws Exception {
        LeadFileReader small = new LeadFileReader(new InputLimits(50L * 1024 * 1024, 2));
        Path path = file("grande.xlsx", Workbooks.xlsx(leads("Hoja1")));

        assertThatThrownBy(() -> small.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("3 rows").hasMessageContaining("2");
    }

    @Test
    void aDamagedWorkbookIsRefusedNotThrown() throws Exception {
        byte[] xlsx = Workbooks.xlsx(leads("Hoja1"));
        byte[] broken = replaceEntry(xlsx, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row");
        Path path = file("roto.xlsx", broken);

        assertThatThrownBy(() -> reader.read(path)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void csvFilesStillGoThroughTheCsvReader() throws Exception {
        LeadFile file = reader.read(file("leads.csv", ("Nombre,Email\nAna,ana@example.com\n")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.rows()).extracting(RawLead::email).containsExactly("ana@example.com");
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    private static byte[] replaceEntry(byte[] zip, String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                InputStream src = e.getName().equals(name)
                        ? new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)) : in;
                src.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
