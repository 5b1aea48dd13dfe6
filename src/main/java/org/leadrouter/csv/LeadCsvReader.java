package org.leadrouter.csv;

import java.io.IOException;
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
import org.leadrouter.lead.EntryDates;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Texts;

/** Reads a lead file exported from Excel or a web portal, whatever its charset, delimiter and header spelling. */
public final class LeadCsvReader {

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");

    public LeadFile read(Path file) throws IOException, UnreadableFileException {
        Objects.requireNonNull(file, "file == null");
        Path name = file.getFileName();
        return read(Files.readAllBytes(file), name == null ? file.toString() : name.toString());
    }

    public LeadFile read(byte[] content, String fileName) throws UnreadableFileException {
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(fileName, "fileName == null");
        if (content.length == 0) {
            throw new UnreadableFileException("the file is empty");
        }
        DecodedText decoded = DecodedText.decode(content);
        String text = decoded.text();
        String headerLine = DelimiterSniffer.firstNonBlankLine(text);
        if (headerLine.isEmpty()) {
            throw new UnreadableFileException("the file has only blank lines: it holds no header and no leads");
        }
        char delimiter = DelimiterSniffer.detect(headerLine);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(text, delimiter, records, lines);
        if (records.isEmpty()) {
            throw new UnreadableFileException("the file has only blank lines: it holds no header and no leads");
        }

        List<String> warnings = new ArrayList<>();
        List<String> header = records.get(0).stream().map(Texts::strip).toList();
        ColumnMap columns = ColumnMap.of(header, warnings);
        List<RawLead> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(toRawLead(lines.get(i), records.get(i), columns));
        }
        return new LeadFile(fileName, decoded.charset(), delimiter, header, rows, warnings);
    }

    /** Collects the non-blank records and the physical line each one starts on. */
    private static void parse(String text, char delimiter, List<List<String>> records, List<Integer> lines)
            throws UnreadableFileException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)        // blank records are skipped below, keeping line numbers exact
                .setIgnoreSurroundingSpaces(true)  // so that ", "Pérez, Ana"" is still a quoted value
                .setTrailingData(true)             // tolerate "abc"def as portals sometimes write it
                .get();
        LineIndex lineIndex = new LineIndex(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (values.stream().allMatch(v -> Texts.strip(v).isEmpty())) {
                    continue;
                }
                records.add(values);
                lines.add(lineIndex.lineOf(record.getCharacterPosition()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    private static UnreadableFileException unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = START_LINE.matcher(message);
        if (message.contains("EOF reached before encapsulated token finished")) {
            String where = m.find() ? " on line " + m.group(1) : "";
            return new UnreadableFileException("a quotation mark (\") opened" + where + " is never closed, so "
                    + "the rest of the file cannot be read: close or remove that quotation mark"
                    + where + " and drop the file again");
        }
        return new UnreadableFileException("the file is not a well-formed CSV (" + message + "): open it in Excel, "
                + "use File › Save As › CSV UTF-8 and drop the new file");
    }

    private static RawLead toRawLead(int line, List<String> record, ColumnMap columns) {
        List<String> notes = new ArrayList<>();
        String name = columns.value(record, LeadColumn.NAME);
        String email = columns.value(record, LeadColumn.EMAIL);
        String phone = columns.value(record, LeadColumn.PHONE);
        String course = columns.value(record, LeadColumn.COURSE);
        String entryDate = columns.value(record, LeadColumn.ENTRY_DATE);
        String source = columns.value(record, LeadColumn.SOURCE);

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
            notes.add(extras == 1
                    ? "1 value beyond the last column was ignored"
                    : extras + " values beyond the last column were ignored");
        }
        return new RawLead(line, name, email, phone, course, entryDate, source, notes);
    }

    private static String swapped(ColumnMap columns, LeadColumn a, LeadColumn b) {
        return columns.headerOf(a) + " and " + columns.headerOf(b) + " were swapped; swapped back";
    }
}
