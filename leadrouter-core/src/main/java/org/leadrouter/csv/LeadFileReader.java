package org.leadrouter.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.leadrouter.config.InputLimits;

/**
 * Reads a lead file of any kind the sales team drops: an Excel workbook (.xlsx, .xlsm, .xls) by its sheets, and
 * anything else as a CSV (which refuses, with an explanation, what is not text). The kind is told by the content,
 * so a workbook named {@code .csv} is read as the workbook it is.
 */
public final class LeadFileReader {
    private final InputLimits limits;
    private final LeadCsvReader csv;
    private final WorkbookReader workbooks;

    public LeadFileReader(InputLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.csv = new LeadCsvReader(limits);
        this.workbooks = new WorkbookReader(limits, Runtime.getRuntime().maxMemory(), csv.maxBytes());
    }

    /** The largest file read, in bytes: {@code input.max-bytes}, or less when the heap could not hold that much. */
    public long maxBytes() {
        return csv.maxBytes();
    }

    /** How much of a workbook this reader reads before refusing it. */
    public WorkbookLimits workbookLimits() {
        return workbooks.limits();
    }

    /** Reads a file, refusing one larger than {@code input.max-bytes} before reading any of it. */
    public LeadFile read(Path file) throws IOException, UnreadableFileException {
        if (Files.size(file) > maxBytes()) {
            return csv.read(file); // refuses it, saying the size and the limit
        }
        return read(file, Files.readAllBytes(file));
    }

    /** Reads a file whose bytes the caller already holds (to fingerprint them); a workbook is streamed again. */
    public LeadFile read(Path file, byte[] content) throws IOException, UnreadableFileException {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(content, "content == null");
        Path name = file.getFileName();
        String fileName = name == null ? file.toString() : name.toString();
        WorkbookFormat format = WorkbookFormat.of(file, content);
        if (format == WorkbookFormat.NONE) {
            return csv.read(content, fileName);
        }
        return workbooks.read(file, format, fileName);
    }
}
