package org.leadrouter.csv;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text a person sees in a workbook cell, from its stored number and its format: any cell the workbook marks as a
 * date (a built-in date format or a custom one, whatever its order or its two-digit year) as day/month/four-digit
 * year, with the time when the format shows one, and whole numbers in the General format as all their digits, so
 * that a phone stored as a number ({@code 600123456}, or {@code 6.00123456E8} as some programs write it) reads as
 * the phone it is.
 */
final class CellText extends DataFormatter {
    private static final String DATE = "dd/mm/yyyy";
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm";
    private static final String GENERAL = "General";

    private final boolean use1904;

    CellText() {
        this(false);
    }

    /** {@code use1904}: the workbook counts its dates from 1904, as old Mac workbooks do. */
    CellText(boolean use1904) {
        super(Locale.forLanguageTag("es-ES"));
        this.use1904 = use1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (isDate(value, formatIndex, formatString)) {
            return super.formatRawCellContents(value, formatIndex, showsTime(formatString) ? DATE_TIME : DATE,
                    use1904);
        }
        if ((formatString == null || formatIndex == 0 || GENERAL.equalsIgnoreCase(formatString))
                && Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return new BigDecimal(value).toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904);
    }

    /** A number as stored in the file's XML ("600123456", "6.00123456E8"), formatted as above. */
    String number(String stored, int formatIndex, String formatString) {
        return formatRawCellContents(Double.parseDouble(stored), formatIndex, formatString, use1904);
    }

    /** A date-and-time as a day/month/year, with the time when it has one. */
    String date(java.time.LocalDateTime value) {
        String date = String.format(Locale.ROOT, "%02d/%02d/%04d", value.getDayOfMonth(), value.getMonthValue(),
                value.getYear());
        return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? date
                : date + String.format(Locale.ROOT, " %02d:%02d", value.getHour(), value.getMinute());
    }

    /** A format that shows a day or a year (a time of day alone, or a duration, is no date). */
    private static boolean isDate(double value, int formatIndex, String formatString) {
        return formatString != null && DateUtil.isValidExcelDate(value)
                && DateUtil.isADateFormat(formatIndex, formatString)
                && (visible(formatString).indexOf('d') >= 0 || visible(formatString).indexOf('y') >= 0);
    }

    private static boolean showsTime(String formatString) {
        return visible(formatString).indexOf('h') >= 0;
    }

    /** The format's codes without its quoted text, bracketed parts ([$-409], [Red]) and escaped characters. */
    private static String visible(String formatString) {
        StringBuilder codes = new StringBuilder(formatString.length());
        boolean quoted = false;
        int bracket = 0;
        for (int i = 0; i < formatString.length(); i++) {
            char c = formatString.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket++;
            } else if (!quoted && c == ']' && bracket > 0) {
                bracket--;
            } else if (!quoted && (c == '\\' || c == '_' || c == '*')) {
                i++; // the next character is shown as it is, or is padding
            } else if (!quoted && bracket == 0) {
                codes.append(Character.toLowerCase(c));
            }
        }
        return codes.toString();
    }
}
