package org.leadrouter.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How result reports are written: {@code report.format} ({@code csv} or {@code xlsx}) and, for CSV,
 * {@code report.delimiter} ({@code input} — the input file's, the default — or {@code ;}, {@code ,}, {@code tab}).
 *
 * @param delimiter the CSV delimiter, or empty to use the input file's
 */
public record ReportSettings(Format format, Optional<Character> delimiter) {

    /** The kind of file a report is. */
    public enum Format {
        CSV, XLSX;

        /** The file name extension, without the dot. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** As before these settings existed: CSV with the input's delimiter. */
    public static final ReportSettings DEFAULT = new ReportSettings(Format.CSV, Optional.empty());

    public ReportSettings {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(delimiter, "delimiter == null");
    }

    static ReportSettings from(ConfigSource source) {
        String format = source.get("report.format").orElse("csv").strip().toLowerCase(Locale.ROOT);
        Format f = switch (format) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            default -> throw new ConfigException("report.format", "'" + format + "' is not csv or xlsx");
        };
        String delimiter = source.get("report.delimiter").orElse("input");
        Optional<Character> d = switch (delimiter.strip().toLowerCase(Locale.ROOT)) {
            case "input" -> Optional.empty();
            case ";" -> Optional.of(';');
            case "," -> Optional.of(',');
            case "tab", "\\t" -> Optional.of('\t');
            default -> throw new ConfigException("report.delimiter",
                    "'" + delimiter + "' is not input, ';', ',' or tab");
        };
        return new ReportSettings(f, d);
    }

    /** The delimiter of a CSV report for an input delimited by {@code inputDelimiter}. */
    public char delimiterFor(char inputDelimiter) {
        return delimiter.orElse(inputDelimiter);
    }
}
