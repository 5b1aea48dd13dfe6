package org.leadrouter.csv;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * The text a person sees in a workbook cell, from its stored number and its format: dates as a Spanish Excel shows
 * them (day first), and whole numbers in the General format as all their digits, so that a phone stored as a
 * number ({@code 600123456}, or {@code 6.00123456E8} as some programs write it) reads as the phone it is.
 */
final class CellText extends DataFormatter {

    /** Excel's built-in short date: shown by the system's locale, which for this team is day first. */
    private static final int SHORT_DATE = 14;
    /** Excel's built-in date and time. */
    private static final int DATE_TIME = 22;
    private static final String GENERAL = "General";

    CellText() {
        super(Locale.forLanguageTag("es-ES"));
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (formatIndex == SHORT_DATE) {
            return super.formatRawCellContents(value, formatIndex, "dd/mm/yyyy", use1904);
        }
        if (formatIndex == DATE_TIME) {
            return super.formatRawCellContents(value, formatIndex, "dd/mm/yyyy hh:mm", use1904);
        }
        if ((formatString == null || formatIndex == 0 || GENERAL.equalsIgnoreCase(formatString))
                && Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return new BigDecimal(value).toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904);
    }

    /** A number as stored in the file's XML ("600123456", "6.00123456E8"), formatted as above. */
    String number(String stored, int formatIndex, String formatString) {
        return formatRawCellContents(Double.parseDouble(stored), formatIndex, formatString, false);
    }
}
