package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.InputLimits;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;
import org.leadrouter.lead.RawLead;
import org.leadrouter.testing.HostileWorkbooks;

/**
 * A workbook is read within limits on its cells, its table of shared texts and each cell's length, and one past a
 * limit is refused with a reason that names it, however small the file is on disk.
 */
class WorkbookLimitsTest {
    @TempDir
    Path dir;

    private final LeadFileReader reader = new LeadFileReader(LeadCsvReader.DEFAULT_LIMITS);

    @Test
    void aOneMegabyteCellIsRefusedNamingTheCellAndExcelsLimit() throws Exception {
        Path file = HostileWorkbooks.oneLongCell(dir.resolve("celda.xlsx"), 1 << 20);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("cell A2 of sheet 'Hoja1' holds more than 32,767 characters");
    }

    @Test
    void aCellOfExactlyExcelsLongestIsReadAndCutForTheLead() throws Exception {
        Path file = HostileWorkbooks.oneLongCell(dir.resolve("celda.xlsx"), WorkbookLimits.EXCEL_CELL_CHARS);

        LeadFile read = reader.read(file);

        assertThat(read.rows()).singleElement().satisfies(r -> {
            assertThat(r.name()).startsWith("Ana López").hasSizeBetween(LeadCsvReader.MAX_VALUE_LENGTH - 1,
                    LeadCsvReader.MAX_VALUE_LENGTH); // cut, then stripped of the space it was cut at
            assertThat(r.notes()).singleElement().asString().contains("32,767").contains("1,000");
        });
    }

    @Test
    void moreSharedTextsThanTheLimitAreRefusedNamingIt() throws Exception {
        // 10 rows allowed: 200 filled cells, so 200 shared texts at most
        LeadFileReader small = new LeadFileReader(new InputLimits(50L << 20, 10));
        Path file = HostileWorkbooks.manySharedTexts(dir.resolve("textos.xlsx"), 1_000);

        assertThatThrownBy(() -> small.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("this workbook stores more than 200 different texts")
                .satisfies(e -> assertThat(((UnreadableFileException) e).reason().in(Messages.of(Language.ES)))
                        .startsWith("este libro guarda más de 200 textos distintos"));
    }

    @Test
    void sharedTextsAddingUpToMoreThanTheLargestCsvAreRefused() throws Exception {
        LeadFileReader small = new LeadFileReader(new InputLimits(4_000, 100_000));
        Path file = HostileWorkbooks.manySharedTexts(dir.resolve("textos.xlsx"), 1_000); // about 6,900 characters

        assertThatThrownBy(() -> small.read(file, Files.readAllBytes(file)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the texts of this workbook add up to more than 4,000 characters");
    }

    @Test
    void aSheetWithMoreFilledCellsThanTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        LeadFileReader small = new LeadFileReader(new InputLimits(50L << 20, 10));
        Path atLimit = HostileWorkbooks.wideRows(dir.resolve("justo.xlsx"), 10, 20);
        Path over = HostileWorkbooks.wideRows(dir.resolve("ancho.xlsx"), 10, 21);

        assertThat(small.read(atLimit).rows()).hasSize(10).extracting(RawLead::email)
                .contains("persona11@example.com");
        assertThatThrownBy(() -> small.read(over)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("sheet 'Hoja1' has more than 200 filled cells");
    }

    @Test
    void aWorkbookThatUnzipsToHundredsOfTimesItsSizeIsRefusedAsSuchNotAsADiskFailure() throws Exception {
        Path file = HostileWorkbooks.inflating(dir.resolve("bomba.xlsx"), 20 << 20);

        assertThat(Files.size(file)).isLessThan(100_000);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("once uncompressed, is far larger than the file");
    }
}
