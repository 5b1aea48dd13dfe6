package org.leadrouter.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas get a leading apostrophe; everything else is left alone. */
class SpreadsheetSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+34600123456", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd",
            "\ncmd", "\uFF1DSUM(A1)", "\uFF0B34600123456", "\uFF0D1", "\uFF20SUM(A1)"})
    void formulaStartersAreNeutralised(String cell) {
        assertThat(SpreadsheetSafety.neutralise(cell)).isEqualTo("'" + cell);
    }

    @Test
    void e164PhoneBecomesText() {
        assertThat(SpreadsheetSafety.neutralise("+34600123456")).isEqualTo("'+34600123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Juan Pérez", "juan@ejemplo.com", "2", " =not first", "'already", "19x1"})
    void ordinaryCellsAreUnchanged(String cell) {
        assertThat(SpreadsheetSafety.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(SpreadsheetSafety.neutralise(null)).isEmpty();
        assertThat(SpreadsheetSafety.neutralise("")).isEmpty();
    }

    @Test
    void nulIsRemovedBeforeTheCheckSoItCannotHideAFormula() {
        assertThat(SpreadsheetSafety.neutralise("\0=cmd")).isEqualTo("'=cmd");
        assertThat(SpreadsheetSafety.neutralise("a\0b")).isEqualTo("ab");
        assertThat(SpreadsheetSafety.neutralise("\0")).isEmpty();
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsAreKept() {
        assertThat(SpreadsheetSafety.neutralise("a\uD83Db")).isEqualTo("a\uFFFDb");
        assertThat(SpreadsheetSafety.neutralise("\uDE00x")).isEqualTo("\uFFFDx");
        assertThat(SpreadsheetSafety.neutralise("ok 😀")).isEqualTo("ok 😀");
    }
}
