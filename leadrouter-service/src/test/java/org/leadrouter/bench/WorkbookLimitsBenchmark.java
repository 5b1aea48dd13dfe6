package org.leadrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.leadrouter.csv.LeadCsvReader;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.csv.LeadFileReader;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.csv.WorkbookLimits;
import org.leadrouter.testing.HostileWorkbooks;

/**
 * Reads, in this JVM's heap (meant: {@code -Xmx256m}), the largest workbook the limits allow in it (as many rows as
 * {@code input.max-rows}, as many filled cells and characters as the workbook limits, every cell a different shared
 * text) and the workbooks built to exhaust memory (5,000,000 short shared texts; one 1 MB cell): for each, what
 * became of it, the time and the peak heap.
 *
 * <p>Usage: {@code WorkbookLimitsBenchmark [workDir]}.
 */
public final class WorkbookLimitsBenchmark {
    private static final List<String> HEADER = List.of("Nombre", "Email", "Teléfono", "Curso Interesado",
            "Fecha entrada", "Origen del leads");

    private WorkbookLimitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean given = args.length > 0 && !args[0].isBlank();
        Path work = given ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("workbook-limits-bench");
        LeadFileReader reader = new LeadFileReader(LeadCsvReader.DEFAULT_LIMITS);
        WorkbookLimits limits = reader.workbookLimits();
        int rows = LeadCsvReader.DEFAULT_LIMITS.maxRows();
        int columns = (int) Math.min(256, limits.maxCells() / rows);
        int length = (int) Math.min(limits.maxCellChars(), limits.maxText() / ((long) rows * columns + columns));
        System.out.printf(Locale.ROOT, "max heap %d MB; limits: %,d rows, %,d filled cells, %,d shared texts, "
                        + "%,d characters of text, %,d characters a cell%n%n", Runtime.getRuntime().maxMemory() >> 20,
                rows, limits.maxCells(), limits.maxSharedStrings(), limits.maxText(), limits.maxCellChars());

        Path largest = largest(work.resolve("mayor_permitido.xlsx"), rows, columns, length);
        System.out.printf(Locale.ROOT, "largest allowed: %,d rows x %d cells of %d characters, each a different "
                + "shared text%n", rows, columns, length);
        Path texts = HostileWorkbooks.manySharedTexts(work.resolve("textos_5M.xlsx"), 5_000_000);
        Path cell = HostileWorkbooks.oneLongCell(work.resolve("celda_1MB.xlsx"), 1 << 20);
        for (Path file : List.of(largest, texts, cell, largest)) {
            System.gc();
            HeapPeak.reset();
            long start = System.nanoTime();
            String outcome;
            try {
                LeadFile read = reader.read(file);
                outcome = String.format(Locale.ROOT, "read, %,d rows", read.rows().size());
            } catch (UnreadableFileException e) {
                outcome = "refused: " + e.getMessage().replaceFirst(":.*", "");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "%-22s %6.1f MB  %7d ms   peak heap %6.1f MB   %s%n", file.getFileName(),
                    Files.size(file) / 1048576.0, millis, HeapPeak.bytes() / 1048576.0, outcome);
        }
        if (!given) {
            for (Path file : List.of(largest, texts, cell)) {
                Files.deleteIfExists(file); // about 30 MB of workbooks, made again at each run
            }
            Files.deleteIfExists(work);
        }
    }

    /** Every cell a different shared text of {@code length} characters, as a workbook at every limit at once. */
    private static Path largest(Path file, int rows, int columns, int length) throws IOException {
        return HostileWorkbooks.workbook(file, "", texts -> {
            for (int c = 0; c < columns; c++) {
                texts.write("<si><t>" + (c < HEADER.size() ? HEADER.get(c) : "Dato " + (c + 1)) + "</t></si>");
            }
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    text.setLength(0);
                    text.append(c == 1 ? "p" : "Persona ").append(r).append('-').append(c);
                    if (c == 1) {
                        text.append("@example.com");
                    }
                    while (text.length() < length) {
                        text.insert(0, c == 1 ? 'x' : 'a');
                    }
                    texts.write("<si><t>" + text + "</t></si>");
                }
            }
        }, sheet -> {
            int index = 0;
            for (int r = 0; r <= rows; r++) {
                sheet.write("<row r=\"" + (r + 1) + "\">");
                for (int c = 0; c < columns; c++) {
                    sheet.write("<c t=\"s\"><v>" + index++ + "</v></c>");
                }
                sheet.write("</row>");
            }
        });
    }
}
