package org.leadrouter.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.leadrouter.config.ReportSettings;
import org.leadrouter.files.FilePermissions;

/**
 * Writes the result report as a CSV Excel opens correctly (or as an Excel workbook), replacing any previous report in one step; the report
 * holds personal data, so it is readable by the owner's group only ({@link FilePermissions}).
 */
public final class ReportWriter {

    public static final List<String> COLUMNS = List.of("Nombre", "Email", "Teléfono", "Curso Interesado",
            "AssignedToID", "AssignedToName", "LeadID", "Status", "Row", "Detail");

    /** Without a BOM Excel reads UTF-8 as the local ANSI code page and mangles accents. */
    private static final char BOM = '\uFEFF';

    private ReportWriter() {
    }

    /** Writes the report with the input file's delimiter; readers of {@code out} never see a half-written file. */
    public static void write(Path out, char delimiter, List<ReportRow> rows) throws IOException {
        write(out, ReportSettings.Format.CSV, delimiter, rows);
    }

    /**
     * Writes the report as a CSV with {@code delimiter} or as an Excel workbook ({@link XlsxReport}); readers of
     * {@code out} never see a half-written file.
     */
    public static void write(Path out, ReportSettings.Format format, char delimiter, List<ReportRow> rows)
            throws IOException {
        Objects.requireNonNull(out, "out == null");
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(rows, "rows == null");
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        FilePermissions.createFolders(folder);
        // Not Files.createTempFile: it makes the file owner-only (0600) and the report would keep those rights,
        // hiding it from the sales team's group. The leading dot keeps file pollers off it.
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(temp, FilePermissions.forNewFile(folder));
            FilePermissions.restrict(temp);
            try (OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                if (format == ReportSettings.Format.XLSX) {
                    XlsxReport.write(stream, rows);
                } else {
                    writeCsv(stream, delimiter, rows);
                }
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeCsv(OutputStream stream, char delimiter, List<ReportRow> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, format);
        writer.write(BOM);
        printer.printRecord(COLUMNS.stream().map(SpreadsheetSafety::neutralise).toList());
        for (ReportRow row : rows) {
            printer.printRecord(cells(row));
        }
        printer.flush();
    }

    private static List<String> cells(ReportRow row) {
        return rawCells(row).map(SpreadsheetSafety::neutralise).toList();
    }

    /** A row's cells in the order of {@link #COLUMNS}, as they are (null where the caller had nothing). */
    static Stream<String> rawCells(ReportRow row) {
        Objects.requireNonNull(row, "row == null");
        // Stream.of, not List.of: callers leave cells they have nothing for as null
        return Stream.of(row.nombre(), row.email(), row.telefono(), row.curso(), row.assignedToId(),
                        row.assignedToName(), row.leadId(), row.status(), Integer.toString(row.row()), row.detail());
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
