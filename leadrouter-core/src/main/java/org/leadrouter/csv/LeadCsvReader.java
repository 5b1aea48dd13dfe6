package org.leadrouter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadrouter.config.InputLimits;
import org.leadrouter.i18n.Messages;
import org.leadrouter.i18n.Text;
import org.leadrouter.lead.EntryDates;
import org.leadrouter.lead.Mojibake;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Texts;

/**
 * Reads a lead file exported from Excel or a web portal, whatever its charset, delimiter and header spelling.
 *
 * <p>Problems with the whole file (not a CSV, empty, too large, no usable header, a quotation mark that swallows
 * the rest of the file) raise an {@link UnreadableFileException} whose message tells a non-engineer what is wrong
 * and what to do. Problems with a single row (control characters, garbled accents, a huge cell, too few or too
 * many values) are repaired where that is safe and noted on the row, and the other rows go through.
 */
public final class LeadCsvReader {

    /** 50 MB and 100,000 rows, the defaults of {@code input.max-bytes} and {@code input.max-rows}. */
    public static final InputLimits DEFAULT_LIMITS = new InputLimits(50L * 1024 * 1024, 100_000);

    /** The longest value kept from a cell; no name, address, phone, course or source comes near it. */
    public static final int MAX_VALUE_LENGTH = 1_000;

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    /** Java cannot hold a larger array; limits beyond it are capped here. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /**
     * Heap one lead takes on its way through a run (its cells, the lead made of them, its row in the batch and in the
     * report), with some room to spare: the benchmark's 100,000-row dry-run keeps about 190 MB in use.
     */
    static final long HEAP_PER_ROW = 2_400;
    /** Heap per byte of file while it is read: the bytes, the decoded text (up to two bytes a character), the cells. */
    static final long HEAP_PER_BYTE = 5;

    private final InputLimits limits;
    private final long heap;
    private final long heapRows;
    private final long heapBytes;

    /** A reader with the {@link #DEFAULT_LIMITS}. */
    public LeadCsvReader() {
        this(DEFAULT_LIMITS);
    }

    /**
     * A reader that refuses files larger than {@code limits.maxBytes()} or with more than {@code maxRows} rows, and
     * files this JVM's heap could not hold, whatever the limits say: those are refused, saying so, instead of
     * running out of memory.
     */
    public LeadCsvReader(InputLimits limits) {
        this(limits, Runtime.getRuntime().maxMemory());
    }

    /** As above, for a heap of {@code heapBytes}. */
    LeadCsvReader(InputLimits limits, long heapBytes) {
        Objects.requireNonNull(limits, "limits == null");
        if (limits.maxBytes() < 1 || limits.maxRows() < 1) {
            throw new IllegalArgumentException("input limits must be positive: " + limits);
        }
        this.limits = limits;
        this.heap = heapBytes;
        this.heapRows = Math.max(1, heapBytes / HEAP_PER_ROW);
        this.heapBytes = Math.max(1, heapBytes / HEAP_PER_BYTE);
    }

    /** The largest file read, in bytes: {@code input.max-bytes}, or less when the heap could not hold that much. */
    public long maxBytes() {
        return Math.min(limits.maxBytes(), heapBytes);
    }

    public InputLimits limits() {
        return limits;
    }

    /** Reads a file, checking its size before reading any of it. */
    public LeadFile read(Path file) throws IOException, UnreadableFileException {
        Objects.requireNonNull(file, "file == null");
        Path name = file.getFileName();
        long maxBytes = Math.min(maxBytes(), MAX_ARRAY);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) (maxBytes + (maxBytes < MAX_ARRAY ? 1 : 0)));
            if (content.length > maxBytes || in.read() >= 0) { // it grew while being read
                throw tooLarge(Math.max(content.length, Files.size(file)), maxBytes);
            }
        }
        return read(content, name == null ? file.toString() : name.toString());
    }

    public LeadFile read(byte[] content, String fileName) throws UnreadableFileException {
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(fileName, "fileName == null");
        if (content.length > maxBytes()) {
            throw tooLarge(content.length, maxBytes());
        }
        if (content.length == 0) {
            throw new UnreadableFileException(new Text("file.empty"));
        }
        DecodedText decoded = DecodedText.decode(content);
        String text = decoded.text();
        BinarySniffer.rejectBinaryText(text);
        String headerLine = DelimiterSniffer.firstNonBlankLine(text);
        if (headerLine.isEmpty()) {
            throw onlyBlankLines();
        }
        char delimiter = DelimiterSniffer.detect(headerLine);
        List<String> warnings = new ArrayList<>();
        if (decoded.mixed()) {
            warnings.add(Messages.t("warning.mixed-encodings"));
        }
        Parsed parsed = parse(text, delimiter, warnings);
        if (parsed.header == null) {
            throw onlyBlankLines();
        }
        warnUnnamedColumns(parsed, warnings);
        return new LeadFile(fileName, decoded.charset(), delimiter, parsed.header, parsed.rows, warnings);
    }

    /**
     * The header and the leads of a text, each lead made from its record as soon as it is read (so the parsed
     * records are never all held at once), with the spreadsheet row it is shown on. A spreadsheet shows each record
     * on one row, blank lines included, and a quoted cell's line breaks inside its row: so the row is the record's
     * number, not the physical line it starts on.
     */
    private static final class Parsed {
        List<String> header;
        ColumnMap columns;
        List<Integer> unnamed;
        final List<RawLead> rows = new ArrayList<>();
        /** Filled cells under each nameless column. */
        final java.util.Map<Integer, Integer> unnamedFilled = new java.util.TreeMap<>();
    }

    private Parsed parse(String text, char delimiter, List<String> warnings) throws UnreadableFileException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)        // blank records are skipped below, keeping line numbers exact
                .setIgnoreSurroundingSpaces(true)  // so that ", "Pérez, Ana"" is still a quoted value
                .setTrailingData(true)             // tolerate "abc"def as portals sometimes write it
                .get();
        LineIndex lineIndex = new LineIndex(text);
        Parsed parsed = new Parsed();
        long dataRows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (isBlank(values)) {
                    continue;
                }
                int line = Math.toIntExact(record.getRecordNumber());
                if (parsed.header == null) {
                    parsed.header = values.stream().map(LeadCsvReader::headerName).toList();
                    parsed.columns = ColumnMap.of(parsed.header, warnings);
                    parsed.unnamed = parsed.columns.unnamedColumns();
                    rejectSwallowedRows(values, line, delimiter, parsed.header.size());
                    continue;
                }
                if (++dataRows > heapRows && heapRows < limits.maxRows()) {
                    throw new UnreadableFileException(new Text("file.rows-beyond-memory", heapRows, size(heap)));
                }
                if (dataRows > limits.maxRows()) { // refused as soon as the row past the limit is read
                    throw new UnreadableFileException(new Text("file.too-many-rows", limits.maxRows()));
                }
                rejectSwallowedRows(values, line, delimiter, parsed.header.size());
                for (int position : parsed.unnamed) {
                    if (position < values.size() && !Texts.strip(values.get(position)).isEmpty()) {
                        parsed.unnamedFilled.merge(position, 1, Integer::sum);
                    }
                }
                parsed.rows.add(toRawLead(line, values, parsed.columns));
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // commons-csv also throws UncheckedIOException, ISE
            throw unreadable(e, text, delimiter, lineIndex);
        }
        return parsed;
    }

    /** Blank means only spaces and delimiters, like the ";;;;" lines Excel leaves below the data. */
    private static boolean isBlank(List<String> values) {
        for (String value : values) {
            if (!DelimiterSniffer.isBlank(value)) {
                return false;
            }
        }
        return true;
    }

    private static UnreadableFileException unreadable(Exception e, String text, char delimiter, LineIndex lines) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            int open = QuoteScanner.unclosedQuote(text, delimiter);
            if (open >= 0) {
                return new UnreadableFileException(new Text("file.quote-unclosed-at", lines.lineOf(open)));
            }
            Matcher m = START_LINE.matcher(message);
            return new UnreadableFileException(m.find()
                    ? new Text("file.quote-unclosed-at", Integer.parseInt(m.group(1)))
                    : new Text("file.quote-unclosed"));
        }
        return new UnreadableFileException(new Text("file.malformed-csv", CsvTexts.oneLine(message, 200)));
    }

    /**
     * A quotation mark left open in a row and closed only by a stray one further down turns the rows in between
     * into one value, and those leads would vanish without a word: such a file is refused.
     */
    private static void rejectSwallowedRows(List<String> record, int line, char delimiter, int columns)
            throws UnreadableFileException {
        int threshold = Math.max(2, columns - 1);
        int breaksBefore = 0;
        for (String value : record) {
            if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                continue;
            }
            String[] valueLines = value.split("\r\n|\r|\n", -1);
            for (int k = 1; k < valueLines.length; k++) {
                if (count(valueLines[k], delimiter) >= threshold) {
                    int start = line + breaksBefore;
                    int end = start + valueLines.length - 1;
                    throw new UnreadableFileException(new Text("file.quote-swallows-rows", start, end, start + 1));
                }
            }
            breaksBefore += valueLines.length - 1;
        }
    }

    private static int count(String line, char c) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            n += line.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private static UnreadableFileException onlyBlankLines() {
        return new UnreadableFileException(new Text("file.only-blank-lines"));
    }

    private UnreadableFileException tooLarge(long size, long limit) {
        Text shown = size(size);
        Text max = size(limit);
        if (shown.english().equals(max.english())) {
            shown = new Text("size.bytes", size);
            max = new Text("size.bytes", limit);
        }
        if (limit < limits.maxBytes()) {
            return new UnreadableFileException(new Text("file.too-large-for-memory", shown, max, size(heap)));
        }
        return new UnreadableFileException(new Text("file.too-large", shown, max));
    }

    /** A size as people read it: "812 bytes", "3.4 KB", "63.2 MB", "50 MB" (with the language's decimal mark). */
    static Text size(long bytes) {
        if (bytes < 1024) {
            return new Text("size.bytes", bytes);
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return new Text("size.unit", Math.round(value * 10) / 10.0, units[unit]);
    }

    static String headerName(String raw) {
        return Texts.strip(withoutControls(Mojibake.repair(cap(Texts.strip(raw)))));
    }

    static RawLead toRawLead(int line, List<String> record, ColumnMap columns) {
        List<String> notes = new ArrayList<>();
        String name = value(record, columns, LeadColumn.NAME, notes);
        String email = value(record, columns, LeadColumn.EMAIL, notes);
        String phone = value(record, columns, LeadColumn.PHONE, notes);
        String course = value(record, columns, LeadColumn.COURSE, notes);
        String entryDate = value(record, columns, LeadColumn.ENTRY_DATE, notes);
        String source = value(record, columns, LeadColumn.SOURCE, notes);

        if (columns.has(LeadColumn.COURSE) && columns.has(LeadColumn.ENTRY_DATE)
                && EntryDates.looksLikeDate(course) && !EntryDates.looksLikeDate(entryDate)) {
            String swap = course;
            course = entryDate;
            entryDate = swap;
            notes.add(swapped(columns, LeadColumn.COURSE, LeadColumn.ENTRY_DATE));
        }
        if (columns.has(LeadColumn.EMAIL) && columns.has(LeadColumn.PHONE)
                && email.indexOf('@') < 0 && phone.indexOf('@') >= 0) {
            String swap = email;
            email = phone;
            phone = swap;
            notes.add(swapped(columns, LeadColumn.EMAIL, LeadColumn.PHONE));
        }
        int extras = columns.extraValues(record);
        if (extras > 0) {
            notes.add(Messages.t("row.extra-values", extras));
        }
        List<LeadColumn> missing = columns.missingFrom(record.size());
        if (!missing.isEmpty()) {
            notes.add(Messages.t("row.missing-columns", record.size(), columns.size(),
                    String.join(", ", missing.stream().map(c -> CsvTexts.oneLine(columns.headerOf(c), 60)).toList()),
                    missing.size()));
        }
        return new RawLead(line, name, email, phone, course, entryDate, source, notes, columns.otherValues(record));
    }

    /**
     * A cell's value made fit for the lead: trimmed, cut to {@link #MAX_VALUE_LENGTH}, garbled accents repaired,
     * control characters (NUL and the like) removed; each change noted. Line breaks and tabs are kept.
     */
    private static String value(List<String> record, ColumnMap columns, LeadColumn column, List<String> notes) {
        String raw = Texts.strip(columns.value(record, column));
        if (raw.isEmpty()) {
            return raw;
        }
        String value = cap(raw);
        if (value.length() < raw.length()) {
            notes.add(Messages.t("row.value-cut", what(columns, column), raw.length(), MAX_VALUE_LENGTH));
        }
        String repaired = Mojibake.repair(value);
        if (!repaired.equals(value)) {
            notes.add(Messages.t("row.mojibake-repaired", what(columns, column), CsvTexts.quote(value), CsvTexts.quote(repaired)));
            value = repaired;
        }
        String clean = withoutControls(value);
        if (clean.length() < value.length()) {
            int removed = value.length() - clean.length();
            notes.add(Messages.t("row.controls-removed", what(columns, column), removed));
        }
        return Texts.strip(clean);
    }

    /** The column's header as a note names it; made only when a note needs it. */
    private static String what(ColumnMap columns, LeadColumn column) {
        return CsvTexts.oneLine(columns.headerOf(column), 60);
    }

    private static String cap(String value) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        int end = Character.isLowSurrogate(value.charAt(MAX_VALUE_LENGTH)) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH;
        return value.substring(0, end);
    }

    /** Without C0 controls other than tab and line breaks, DEL and C1 controls. */
    static String withoutControls(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
            if (control && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static void warnUnnamedColumns(Parsed parsed, List<String> warnings) {
        parsed.unnamedFilled.forEach((position, filled) -> warnings.add(unnamedColumn(position, filled)));
    }

    private static String unnamedColumn(int position, int filled) {
        return Messages.t("warning.unnamed-column", ColumnMap.letters(position), filled);
    }

    private static String swapped(ColumnMap columns, LeadColumn a, LeadColumn b) {
        return Messages.t("row.swapped", CsvTexts.oneLine(columns.headerOf(a), 60),
                CsvTexts.oneLine(columns.headerOf(b), 60));
    }
}
