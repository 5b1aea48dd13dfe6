package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;
import org.leadrouter.lead.LeadValidator;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Validation;

/**
 * Workbooks as the programs the team and its suppliers really use write them (LibreOffice in Spanish, exceljs,
 * SheetJS, Excel's Strict Open XML and Excel 5/95, a download cut short), kept as files under
 * {@code src/test/resources/workbooks} with the README that says how each was made.
 */
class WorkbookFixturesTest {
    private final LeadFileReader reader = new LeadFileReader(LeadCsvReader.DEFAULT_LIMITS);

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(WorkbookFixturesTest.class.getResource("/workbooks/" + name),
                name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"libreoffice-es-fechas-ddmmaa.xlsx", "libreoffice-es-fechas-ddmmaa.xls"})
    void libreOfficeInSpanishDatesWithTwoDigitYearsReadAsFullDates(String name) throws Exception {
        LeadFile file = reader.read(fixture(name));

        // the cells are dates formatted dd/mm/yy and dd/mm/yy hh:mm: shown as the dates they are, with the century
        assertThat(file.rows()).extracting(RawLead::entryDate)
                .containsExactly("05/07/2025", "28/07/2025 10:30", "01/12/2025");
        assertThat(file.rows()).extracting(RawLead::phone).containsExactly("612345678", "623456789", "634567890");
    }

    @Test
    void formulasSavedWithoutTheirResultAreCalculatedNotReadAsEmptyOrZero() throws Exception {
        LeadFile file = reader.read(fixture("exceljs-formulas-sin-resultado.xlsx"));

        RawLead lucia = file.rows().get(0);
        assertThat(lucia.name()).isEqualTo("Lucía Fernández Gil");
        assertThat(lucia.email()).isEqualTo("lucía.fernándezgil@example.com");
        assertThat(lucia.phone()).isEqualTo("600123456");
        assertThat(lucia.unusable()).isEmpty();
        RawLead marcos = file.rows().get(1);
        assertThat(marcos.name()).isEqualTo("Marcos Ruiz");
        assertThat(marcos.course()).isEqualTo("Electricidad");
    }

    @Test
    void aFormulaThatCannotBeCalculatedRejectsItsRowSayingWhichCellAndWhatToDo() throws Exception {
        LeadFile file = reader.read(fixture("exceljs-formulas-sin-resultado.xlsx"));
        LeadValidator validator = new LeadValidator(new PhoneNormaliser("ES"));

        RawLead webService = file.rows().get(2);
        RawLead otherWorkbook = file.rows().get(3);
        assertThat(webService.unusable()).contains("cell A4").contains("=WEBSERVICE(")
                .contains("could not be calculated");
        assertThat(otherWorkbook.unusable()).contains("cell A5").contains("[precios.xlsx]");
        assertThat(validator.validate(webService)).isInstanceOfSatisfying(Validation.Invalid.class,
                invalid -> assertThat(invalid.reason()).isEqualTo(webService.unusable()));
        assertThat(validator.validate(otherWorkbook)).isInstanceOf(Validation.Invalid.class);
        assertThat(file.rows()).extracting(RawLead::name).doesNotContain("0");
    }

    @Test
    void placeholderResultsOfAWorkbookThatAsksToBeRecalculatedAreReplacedByTheFormulasValues() throws Exception {
        // exceljs writing as xlsxwriter does: every result saved as 0, and fullCalcOnLoad set
        LeadFile file = reader.read(fixture("exceljs-como-xlsxwriter.xlsx"));

        assertThat(file.rows()).extracting(RawLead::name).containsExactly("Lucía Fernández", "Marcos Ruiz");
        assertThat(file.rows()).extracting(RawLead::phone).containsExactly("612345678", "623456789");
        assertThat(file.rows().get(0).email()).isEqualTo("lucía@example.com");
    }

    @Test
    void sheetJsFormulasWithoutResultsAreCalculated() throws Exception {
        LeadFile file = reader.read(fixture("sheetjs-formulas-sin-resultado.xlsx"));

        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Lucía Fernández");
            assertThat(r.email()).isEqualTo("lucía@example.com");
        });
    }

    @Test
    void strictOpenXmlIsRefusedSayingHowToSaveIt() throws Exception {
        UnreadableFileException e = refused("excel-strict-open-xml.xlsx");

        assertThat(spanish(e)).contains("Open XML estricta").contains("Guardar como › Libro de Excel (.xlsx)");
        assertThat(spanish(e)).doesNotContain("Strict OOXML isn't").doesNotContain("bug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"excel-95.xls", "excel-5.xls", "excel-4.xls"})
    void oldExcelWorkbooksAreRefusedSayingToSaveThemAsXlsx(String name) throws Exception {
        UnreadableFileException e = refused(name);

        assertThat(spanish(e)).startsWith("es un libro de Excel 5.0/95 o anterior")
                .contains("Guardar como › Libro de Excel (.xlsx)");
        assertThat(spanish(e)).doesNotContain("BIFF").doesNotContain("POI").doesNotContain("entry");
    }

    @Test
    void aTruncatedDownloadIsRefusedAsADamagedWorkbookNotAsACsv() throws Exception {
        UnreadableFileException e = refused("libreoffice-descarga-cortada.xlsx");

        assertThat(spanish(e)).startsWith("este libro de Excel está dañado o incompleto")
                .contains("descárguelo o expórtelo de nuevo").doesNotContain("no un CSV");
    }

    private UnreadableFileException refused(String name) throws Exception {
        Path path = fixture(name);
        return catchThrowableOfType(() -> reader.read(path), UnreadableFileException.class);
    }

    /** The reason as the team reads it, which must hold no parser's English sentence. */
    private static String spanish(UnreadableFileException e) {
        assertThat(e).as("refused").isNotNull();
        return e.reason().in(Messages.of(Language.ES));
    }
}
