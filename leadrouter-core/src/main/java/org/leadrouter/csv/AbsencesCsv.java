package org.leadrouter.csv;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadrouter.allocation.Absence;
import org.leadrouter.allocation.Absences;
import org.leadrouter.allocation.Folding;
import org.leadrouter.lead.Texts;
import org.leadrouter.i18n.Text;

/**
 * Reads the absences file the sales manager keeps in Excel: header {@code Asesor,Desde,Hasta,Motivo} (any delimiter
 * and encoding lead files may have), dates {@code dd/MM/yyyy} or {@code yyyy-MM-dd}. Anything wrong is refused with
 * the line it is on.
 */
public final class AbsencesCsv {
    private static final DateTimeFormatter SPANISH = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("asesor", "user"), Map.entry("usuario", "user"), Map.entry("user", "user"), Map.entry("advisor", "user"),
            Map.entry("desde", "from"), Map.entry("from", "from"), Map.entry("hasta", "to"), Map.entry("to", "to"),
            Map.entry("motivo", "note"), Map.entry("nota", "note"), Map.entry("note", "note"));

    private AbsencesCsv() {
    }

    public static Absences read(byte[] content) throws UnreadableFileException {
        String text = DecodedText.decode(content).text();
        String headerLine = DelimiterSniffer.firstNonBlankLine(text);
        if (headerLine.isEmpty()) {
            return Absences.NONE;
        }
        char delimiter = DelimiterSniffer.detect(headerLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).build();
        List<Absence> absences = new ArrayList<>();
        int user = -1;
        int from = -1;
        int to = -1;
        int note = -1;
        boolean header = true;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (record.stream().allMatch(v -> Texts.strip(v).isEmpty())) {
                    continue;
                }
                if (header) {
                    for (int i = 0; i < record.size(); i++) {
                        switch (HEADERS.getOrDefault(Folding.value(Texts.strip(record.get(i))), "")) {
                            case "user" -> user = user < 0 ? i : user;
                            case "from" -> from = from < 0 ? i : from;
                            case "to" -> to = to < 0 ? i : to;
                            case "note" -> note = note < 0 ? i : note;
                            default -> { }
                        }
                    }
                    if (user < 0 || from < 0 || to < 0) {
                        throw new UnreadableFileException(new Text("absences.header", line,
                                String.valueOf(delimiter)));
                    }
                    header = false;
                    continue;
                }
                String name = cell(record, user);
                if (name.isEmpty()) {
                    throw new UnreadableFileException(new Text("absences.user-empty", line));
                }
                LocalDate start = date(cell(record, from), "Desde", line);
                LocalDate end = date(cell(record, to), "Hasta", line);
                if (end.isBefore(start)) {
                    throw new UnreadableFileException(new Text("absences.end-before-start", line, end.toString(),
                            start.toString()));
                }
                absences.add(new Absence(name, start, end, note < 0 ? "" : cell(record, note), line));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UnreadableFileException(new Text("absences.unreadable", String.valueOf(e.getMessage())));
        }
        return new Absences(absences);
    }

    private static String cell(CSVRecord record, int i) {
        return i < record.size() ? Texts.strip(record.get(i)) : "";
    }

    private static LocalDate date(String text, String column, int line) throws UnreadableFileException {
        Optional<LocalDate> parsed = parse(text);
        return parsed.orElseThrow(() -> new UnreadableFileException(new Text("absences.bad-date", line, column, text)));
    }

    private static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, SPANISH) : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
