package org.leadrouter.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.leadrouter.config.InputLimits;
import org.leadrouter.i18n.Messages;
import org.leadrouter.lead.RawLead;

/**
 * Reads the leads of an Excel workbook as {@link LeadCsvReader} reads a CSV: the first sheet whose header it
 * recognises, the sheet's own row numbers, and each cell as the text a person sees in Excel. The report of a
 * workbook is a CSV delimited by ";" (what a Spanish Excel splits on), UTF-8 like any other. Whatever a workbook
 * holds, reading it is bounded by the {@link WorkbookLimits}; should the heap still run out while reading it, that
 * is this file's failure, not the service's.
 */
final class WorkbookReader {
    /** The delimiter of the report of a workbook. */
    static final char REPORT_DELIMITER = ';';

    private final InputLimits limits;
    private final WorkbookLimits workbookLimits;
    private final long heapBytes;

    WorkbookReader(InputLimits limits, long heapBytes, long maxTextChars) {
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.heapBytes = heapBytes;
        this.workbookLimits = WorkbookLimits.of(limits, heapBytes, maxTextChars);
    }

    WorkbookLimits limits() {
        return workbookLimits;
    }

    LeadFile read(Path file, WorkbookFormat format, String fileName) throws IOException, UnreadableFileException {
        try {
            return readWithin(file, format, fileName);
        } catch (OutOfMemoryError e) {
            // what the reader was building is unreachable once this is thrown: the heap is free again
            throw new UnreadableFileException(WorkbookTexts.outOfMemory(heapBytes));
        }
    }

    private LeadFile readWithin(Path file, WorkbookFormat format, String fileName)
            throws IOException, UnreadableFileException {
        SheetRows sheet = switch (format) {
            case XLSX -> XlsxSheets.read(file, limits.maxRows(), workbookLimits, heapBytes,
                    WorkbookReader::usableHeader);
            case XLS -> readXls(file);
            case XLS_OLD -> throw new UnreadableFileException(WorkbookTexts.oldExcel());
            case XLSX_DAMAGED -> throw new UnreadableFileException(WorkbookTexts.truncated());
            case XLSB -> throw new UnreadableFileException(WorkbookTexts.binaryWorkbook());
            case ENCRYPTED -> throw new UnreadableFileException(WorkbookTexts.encrypted());
            case NONE -> throw new IllegalArgumentException("not a workbook: " + fileName);
        };
        if (sheet.dataRows > limits.maxRows()) {
            throw new UnreadableFileException(WorkbookTexts.tooManyRows(sheet.dataRows, limits.maxRows()));
        }
        List<String> header = sheet.headerNames();
        List<String> warnings = new ArrayList<>();
        if (sheet.sheetIndex() > 0) {
            warnings.add(WorkbookTexts.otherSheet(sheet.sheetName()));
        }
        if (sheet.columns == null) {
            ColumnMap.of(header, warnings); // a sheet of a header only, or one this program cannot use: says which
        }
        warnings.addAll(sheet.warnings);
        sheet.unnamedFilled.forEach((position, filled) ->
                warnings.add(Messages.t("warning.unnamed-column", ColumnMap.letters(position), filled)));
        List<RawLead> rows = sheet.leads;
        return new LeadFile(fileName, StandardCharsets.UTF_8, REPORT_DELIMITER, header, rows, warnings);
    }

    private SheetRows readXls(Path file) throws IOException, UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return XlsSheets.read(fs, limits.maxRows(), workbookLimits, WorkbookReader::usableHeader);
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException(WorkbookTexts.oldExcel());
        }
    }

    /** Whether a row would pass as the header of a lead file. */
    private static boolean usableHeader(List<String> cells) {
        try {
            ColumnMap.of(cells.stream().map(LeadCsvReader::headerName).toList(), new ArrayList<>());
            return true;
        } catch (UnreadableFileException e) {
            return false;
        }
    }
}
