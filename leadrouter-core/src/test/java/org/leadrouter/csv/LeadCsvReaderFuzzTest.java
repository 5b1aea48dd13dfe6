package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadrouter.lead.Lead;
import org.leadrouter.lead.LeadValidator;
import org.leadrouter.lead.Mojibake;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Texts;
import org.leadrouter.lead.Validation;
import org.leadrouter.report.ReportRow;
import org.leadrouter.report.ReportWriter;
import org.leadrouter.report.SpreadsheetSafety;

/**
 * Property-based tests of the reader and the report against random and hostile input.
 *
 * <p>(1) any bytes are either read or refused with an {@link UnreadableFileException}, never another exception,
 * and no row that passes validation carries control characters or garbled accents; (2) every row of a random but
 * well-formed CSV comes back exactly once, at its row number, with its values; (3) a random report reads back
 * with the same (neutralised) cells and no cell a spreadsheet would run. The counts of inputs tried are printed.
 */
public class LeadCsvReaderFuzzTest {

    private static final int TRIES = 1_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final LeadValidator VALIDATOR = new LeadValidator(new PhoneNormaliser("ES"));

    private static final AtomicLong BYTES_TRIED = new AtomicLong();
    private static final AtomicLong BYTES_READ = new AtomicLong();
    private static final AtomicLong BYTES_ROWS = new AtomicLong();
    private static final AtomicLong CSV_TRIED = new AtomicLong();
    private static final AtomicLong CSV_ROWS = new AtomicLong();
    private static final AtomicLong REPORTS_TRIED = new AtomicLong();
    private static final AtomicLong REPORT_ROWS = new AtomicLong();
    private static long started;
    private static Path reportDir;

    private final LeadCsvReader reader = new LeadCsvReader();

    @BeforeContainer
    static void start() throws IOException {
        started = System.nanoTime();
        reportDir = Files.createTempDirectory("report-fuzz");
    }

    @AfterContainer
    static void summary() throws IOException {
        try (Stream<Path> files = Files.list(reportDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(reportDir);
        System.out.printf("fuzz summary: random bytes: %d inputs tried (%d read as lead files, %d rows validated); "
                        + "generated CSVs: %d inputs tried (%d rows checked); reports: %d inputs tried (%d rows); "
                        + "%.1f s%n", BYTES_TRIED.get(), BYTES_READ.get(), BYTES_ROWS.get(), CSV_TRIED.get(),
                CSV_ROWS.get(), REPORTS_TRIED.get(), REPORT_ROWS.get(), (System.nanoTime() - started) / 1e9);
    }

    // ---- (1) random bytes

    /** Pieces that make bytes interesting to a CSV reader: BOMs, quotes, delimiters, line ends, bad UTF-8. */
    private static final byte[][] TOKENS = tokens("\uFEFF", "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", " ",
            "\u00A0", "Nombre", "Email", "Teléfono", "Curso", "Fecha", "Origen", "ana@ejemplo.com", "+34 600 12 34 56",
            "28/07/2025", "José Pérez", "PÃ©rez", "â‚¬", "â€", "😀", "\u200B", "=cmd", "mailto:", "o'brien@x.es",
            "\\", "\u0000", "\u0007", "PK\u0003\u0004", "%PDF", "<html");

    private static final byte[][] HEADERS = {
        "Nombre,Email,Teléfono,Curso,Fecha,Origen\n".getBytes(StandardCharsets.UTF_8),
        "Nombre;Correo;Móvil\r\n".getBytes(StandardCharsets.UTF_8),
        "\uFEFFNombre\tEmail\n".getBytes(StandardCharsets.UTF_8),
        "Nombre;Tel\u00E9fono;Curso\r".getBytes(WINDOWS_1252)};

    private static byte[][] tokens(String... texts) {
        List<byte[]> all = new ArrayList<>();
        for (String text : texts) {
            all.add(text.getBytes(StandardCharsets.UTF_8));
        }
        all.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        all.add(new byte[] {(byte) 0xFF, (byte) 0xFE});
        all.add(new byte[] {(byte) 0xFE, (byte) 0xFF});
        all.add(new byte[] {(byte) 0xE9}); // é in Windows-1252
        all.add(new byte[] {(byte) 0xC3});  // a UTF-8 lead byte cut short
        all.add(new byte[] {(byte) 0xE2, (byte) 0x80});
        all.add(new byte[] {(byte) 0x80, (byte) 0xBF, (byte) 0xFF});
        all.add(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // beyond U+10FFFF
        all.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded surrogate
        return all.toArray(new byte[0][]);
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64 * 1024);
        Arbitrary<byte[]> soup = Arbitraries.of(TOKENS).list().ofMaxSize(6_000).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (parts.size() % 2 == 0) { // half of them get past the header, to reach the rows
                out.writeBytes(HEADERS[parts.size() / 2 % HEADERS.length]);
            }
            for (byte[] part : parts) {
                if (out.size() + part.length > 64 * 1024) {
                    break;
                }
                out.writeBytes(part);
            }
            return out.toByteArray();
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, random), net.jqwik.api.Tuple.of(3, soup));
    }

    /** Up to {@code maxBytes} of the tokens above in random order, after a usable header half of the time. */
    public static byte[] tokenSoup(Random random, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes(HEADERS[random.nextInt(HEADERS.length)]);
        }
        int parts = random.nextInt(2_000);
        for (int i = 0; i < parts; i++) {
            byte[] part = TOKENS[random.nextInt(TOKENS.length)];
            if (out.size() + part.length > maxBytes) {
                break;
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Property(tries = TRIES)
    void anyBytesAreReadOrRefusedInPlainWords(@ForAll("hostileBytes") byte[] content) {
        BYTES_TRIED.incrementAndGet();
        LeadFile file;
        try {
            file = reader.read(content, "fuzz.csv");
        } catch (UnreadableFileException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
            return;
        }
        BYTES_READ.incrementAndGet();
        int previous = 1;
        for (RawLead row : file.rows()) {
            assertThat(row.row()).isGreaterThan(previous);
            previous = row.row();
            for (String value : List.of(row.name(), row.email(), row.phone(), row.course(), row.entryDate(),
                    row.source())) {
                assertThat(value.length()).isLessThanOrEqualTo(LeadCsvReader.MAX_VALUE_LENGTH);
                assertThat(value.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                        || c >= 0x7F && c <= 0x9F)).isTrue();
            }
            Validation validation = VALIDATOR.validate(row);
            BYTES_ROWS.incrementAndGet();
            if (validation instanceof Validation.Valid valid) {
                Lead lead = valid.lead();
                for (String value : List.of(lead.firstname(), lead.lastname(), lead.course(), lead.source(),
                        lead.entryDate())) {
                    assertThat(Mojibake.looksGarbled(value)).as("garbled: %s", value).isFalse();
                    assertThat(value.codePoints().noneMatch(cp -> cp > 0xFFFF || Character.isISOControl(cp)))
                            .as("unstorable: %s", value).isTrue();
                }
            }
        }
    }

    // ---- (2) random well-formed CSVs

    private static final Map<LeadColumn, List<String>> ALIASES = new EnumMap<>(Map.of(
            LeadColumn.NAME, List.of("Nombre", "Name", "NOMBRE COMPLETO", "nombre y apellidos"),
            LeadColumn.EMAIL, List.of("Email", "E-mail", "Correo electrónico", "CORREO", "mail"),
            LeadColumn.PHONE, List.of("Teléfono", "Telefono", "Móvil", "Phone", "TLF"),
            LeadColumn.COURSE, List.of("Curso Interesado", "Curso", "Course", "curso de interés"),
            LeadColumn.ENTRY_DATE, List.of("Fecha entrada", "Fecha", "Date"),
            LeadColumn.SOURCE, List.of("Origen del leads", "Origen", "Lead Source", "Fuente")));
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúüñÁÉÍÓÚÑçà";

    /** A generated file and what the reader must give back for it (also dropped into the daemon's inbox by its fuzz test). */
    public record GeneratedCsv(byte[] content, String text, List<RawLead> expected) {
        @Override
        public String toString() {
            return text;
        }
    }

    @Provide
    Arbitrary<GeneratedCsv> wellFormedCsvs() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 40))
                .as((seed, rows) -> generate(new Random(seed), rows));
    }

    @Property(tries = 2 * TRIES)
    void everyRowOfAWellFormedCsvComesBackOnceWithItsRowAndValues(@ForAll("wellFormedCsvs") GeneratedCsv csv)
            throws Exception {
        CSV_TRIED.incrementAndGet();
        LeadFile file = reader.read(csv.content(), "generated.csv");
        List<RawLead> actual = file.rows().stream().map(r -> new RawLead(r.row(), r.name(), r.email(), r.phone(),
                r.course(), r.entryDate(), r.source(), List.of())).toList();
        assertThat(actual).as(csv.text()).containsExactlyElementsOf(csv.expected());
        CSV_ROWS.addAndGet(actual.size());
    }

    /** A random but well-formed CSV of {@code rowCount} rows: delimiter, charset, header spelling and quoting vary. */
    public static GeneratedCsv generate(Random random, int rowCount) {
        char delimiter = ",;\t".charAt(random.nextInt(3));
        List<LeadColumn> columns = new ArrayList<>(List.of(LeadColumn.NAME));
        switch (random.nextInt(3)) {
            case 0 -> columns.add(LeadColumn.EMAIL);
            case 1 -> columns.add(LeadColumn.PHONE);
            default -> columns.addAll(List.of(LeadColumn.EMAIL, LeadColumn.PHONE));
        }
        for (LeadColumn optional : List.of(LeadColumn.COURSE, LeadColumn.ENTRY_DATE, LeadColumn.SOURCE)) {
            if (random.nextBoolean()) {
                columns.add(optional);
            }
        }
        List<LeadColumn> order = new ArrayList<>(columns);
        order.add(null); // an unknown column
        if (random.nextBoolean()) {
            order.add(null);
        }
        Collections.shuffle(order, random);
        boolean windows1252 = random.nextInt(4) == 0;

        List<List<String>> lines = new ArrayList<>(); // each entry: the cells of one record, already quoted
        StringBuilder text = new StringBuilder();
        List<Integer> recordStarts = new ArrayList<>();
        List<RawLead> expected = new ArrayList<>();
        blankLines(random, text, delimiter);
        List<String> header = new ArrayList<>();
        for (LeadColumn column : order) {
            String name = column == null ? List.of("Ciudad", "Notas", "Comentario").get(random.nextInt(3))
                    : ALIASES.get(column).get(random.nextInt(ALIASES.get(column).size()));
            header.add(cell(random, name, delimiter));
        }
        text.append(String.join(String.valueOf(delimiter), header));
        lines.add(header);
        for (int r = 0; r < rowCount; r++) {
            text.append(lineEnd(random));
            blankLines(random, text, delimiter);
            Map<LeadColumn, String> values = new EnumMap<>(LeadColumn.class);
            List<String> cells = new ArrayList<>();
            for (LeadColumn column : order) {
                String value = value(random, column, delimiter);
                if (column != null) {
                    values.put(column, value);
                }
                cells.add(cell(random, value, delimiter));
            }
            int namePosition = order.indexOf(LeadColumn.NAME);
            int keep = random.nextInt(8) == 0 ? namePosition + 1 + random.nextInt(order.size() - namePosition)
                    : order.size();
            for (int i = keep; i < order.size(); i++) {
                if (order.get(i) != null) {
                    values.put(order.get(i), "");
                }
            }
            cells = new ArrayList<>(cells.subList(0, keep));
            if (keep == order.size() && random.nextInt(8) == 0) {
                cells.add(cell(random, value(random, null, delimiter), delimiter)); // a value beyond the header
            }
            recordStarts.add(text.length());
            text.append(String.join(String.valueOf(delimiter), cells));
            expected.add(new RawLead(0, strip(values, LeadColumn.NAME), strip(values, LeadColumn.EMAIL),
                    strip(values, LeadColumn.PHONE), strip(values, LeadColumn.COURSE),
                    strip(values, LeadColumn.ENTRY_DATE), strip(values, LeadColumn.SOURCE), List.of()));
        }
        if (random.nextBoolean()) {
            text.append(lineEnd(random));
            blankLines(random, text, delimiter);
        }
        String csv = text.toString();
        List<RawLead> numbered = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            RawLead e = expected.get(i);
            numbered.add(new RawLead(lineOf(csv, recordStarts.get(i), delimiter), e.name(), e.email(), e.phone(), e.course(),
                    e.entryDate(), e.source(), List.of()));
        }
        byte[] body = csv.getBytes(windows1252 ? WINDOWS_1252 : StandardCharsets.UTF_8);
        byte[] content = body;
        if (!windows1252 && random.nextBoolean()) {
            content = new byte[body.length + 3];
            content[0] = (byte) 0xEF;
            content[1] = (byte) 0xBB;
            content[2] = (byte) 0xBF;
            System.arraycopy(body, 0, content, 3, body.length);
        }
        return new GeneratedCsv(content, csv, numbered);
    }

    private static String strip(Map<LeadColumn, String> values, LeadColumn column) {
        return Texts.strip(values.getOrDefault(column, ""));
    }

    /**
     * The spreadsheet row of the record starting at offset: 1 + the record breaks before it. A line break inside a
     * quoted cell stays in its cell (a quote opens a cell only at its start, spaces allowed; {@code ""} is a quote
     * inside it), and a CRLF is one break.
     */
    private static int lineOf(String text, int offset, char delimiter) {
        int row = 1;
        boolean fieldStart = true;
        boolean quoted = false;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < offset && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == delimiter) {
                fieldStart = true;
            } else if (c == '\n' || c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                row++;
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c != ' ' && c != '\r') {
                fieldStart = false;
            }
        }
        return row;
    }

    private static String lineEnd(Random random) {
        return List.of("\n", "\r\n", "\r").get(random.nextInt(3));
    }

    /** Zero or more lines holding only spaces and delimiters, each ended. */
    private static void blankLines(Random random, StringBuilder text, char delimiter) {
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(5);
            for (int k = 0; k < length; k++) {
                text.append((" " + delimiter + ",;").charAt(random.nextInt(4)));
            }
            text.append(lineEnd(random));
        }
    }

    /** A value for a column; never blank for the name; at most one delimiter, so no line looks like a row. */
    private static String value(Random random, LeadColumn column, char delimiter) {
        StringBuilder value = new StringBuilder();
        if (random.nextInt(4) == 0) {
            value.append("  ");
        }
        boolean delimiterUsed = false;
        String alphabet = switch (column == null ? LeadColumn.COURSE : column) {
            case PHONE -> "0123456789 +-()";
            case EMAIL -> "abcxyz.@'+-_0123456789ñ";
            case ENTRY_DATE -> "0123456789/-. :";
            default -> LETTERS + " '-.";
        };
        if (column == LeadColumn.NAME || column != LeadColumn.NAME && random.nextInt(5) > 0) {
            int length = 1 + random.nextInt(25);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(40);
                if (kind == 0 && !delimiterUsed) {
                    value.append(delimiter);
                    delimiterUsed = true;
                } else if (kind == 1) {
                    value.append('"');
                } else if (kind == 2) {
                    value.append(List.of("\n", "\r\n", "\r").get(random.nextInt(3)));
                } else if (kind == 3) {
                    value.append('\u00A0');
                } else {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            if (column == LeadColumn.NAME) {
                value.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
        }
        if (random.nextInt(4) == 0) {
            value.append(" \u00A0");
        }
        return value.toString();
    }

    /** The cell as written: quoted when it must be, and now and then when it need not be. */
    private static String cell(Random random, String value, char delimiter) {
        boolean must = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!must && random.nextInt(4) > 0) {
            return value;
        }
        String quoted = "\"" + value.replace("\"", "\"\"") + "\"";
        return random.nextInt(5) == 0 ? "  " + quoted + " " : quoted;
    }

    // ---- (3) random reports

    @Provide
    Arbitrary<List<ReportRow>> reportRows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("=+-@\t\r\n\"';, ＝＋－＠\u0000aé😀").ofMaxLength(12),
                Arbitraries.just(null));
        Arbitrary<ReportRow> row = Combinators.combine(
                Combinators.combine(cell, cell, cell, cell, cell).as(java.util.Arrays::asList),
                Combinators.combine(cell, cell, cell, cell).as(java.util.Arrays::asList),
                Arbitraries.integers()).as((a, b, n) -> new ReportRow(a.get(0), a.get(1), a.get(2), a.get(3),
                a.get(4), b.get(0), b.get(1), b.get(2), n, b.get(3)));
        return row.list().ofMaxSize(20);
    }

    @Property(tries = TRIES)
    void reportsReadBackWithNeutralisedCellsAndNoFormula(@ForAll("reportRows") List<ReportRow> rows,
                                                         @ForAll("delimiters") char delimiter) throws Exception {
        REPORTS_TRIED.incrementAndGet();
        Path out = reportDir.resolve("report.csv");
        ReportWriter.write(out, delimiter, rows);

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(rows.size() + 1);
        assertThat(records.get(0).toList()).isEqualTo(ReportWriter.COLUMNS);
        for (int i = 0; i < rows.size(); i++) {
            ReportRow row = rows.get(i);
            List<String> expected = Stream.of(row.nombre(), row.email(), row.telefono(), row.curso(),
                    row.assignedToId(), row.assignedToName(), row.leadId(), row.status(),
                    Integer.toString(row.row()), row.detail()).map(SpreadsheetSafety::neutralise).toList();
            List<String> cells = records.get(i + 1).toList();
            assertThat(cells).isEqualTo(expected);
            for (String cell : cells) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        REPORT_ROWS.addAndGet(rows.size());
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t');
    }
}
