package org.leadrouter.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How result reports are written: {@code report.format} ({@code csv} or {@code xlsx}) and, for CSV,
 * {@code report.csv-delimiter} ({@code auto}, the default: {@code ;} when the team reads Spanish, else the input
 * file's; or {@code input}, {@code ;}, {@code ,}, {@code tab}).
 *
 * @param delimiter the CSV delimiter, or empty to use the input file's
 */
public record ReportSettings(Format format, Optional<Character> delimiter) {
    static final String DELIMITER_KEY = "report.csv-delimiter";
    /** The key's first name, still read so that installed configurations keep their choice. */
    static final String OLD_DELIMITER_KEY = "report.delimiter";

    /** The kind of file a report is. */
    public enum Format {
        CSV, XLSX;

        /** The file name extension, without the dot. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** CSV with the input's delimiter. */
    public static final ReportSettings DEFAULT = new ReportSettings(Format.CSV, Optional.empty());

    public ReportSettings {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(delimiter, "delimiter == null");
    }

    /**
     * Reads the settings; {@code spanish} says whether the team reads Spanish, whose Excel splits a double-clicked
     * CSV on {@code ;} only (a comma-separated report opens as one column).
     */
    static ReportSettings from(ConfigSource source, boolean spanish) {
        String format = source.get("report.format").orElse("csv").strip().toLowerCase(Locale.ROOT);
        Format f = switch (format) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            default -> throw new ConfigException("report.format", "'" + format + "' is not csv or xlsx");
        };
        String key = source.get(DELIMITER_KEY).isPresent() || source.get(OLD_DELIMITER_KEY).isEmpty()
                ? DELIMITER_KEY : OLD_DELIMITER_KEY;
        String delimiter = source.get(key).orElse("auto");
        Optional<Character> d = switch (delimiter.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> spanish ? Optional.of(';') : Optional.empty();
            case "input" -> Optional.empty();
            case ";" -> Optional.of(';');
            case "," -> Optional.of(',');
            case "tab", "\\t" -> Optional.of('\t');
            default -> throw new ConfigException(key, "'" + delimiter + "' is not auto, input, ';', ',' or tab");
        };
        return new ReportSettings(f, d);
    }

    /** The delimiter of a CSV report for an input delimited by {@code inputDelimiter}. */
    public char delimiterFor(char inputDelimiter) {
        return delimiter.orElse(inputDelimiter);
    }
}
