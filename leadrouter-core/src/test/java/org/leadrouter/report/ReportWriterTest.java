package org.leadrouter.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report opens in Excel as intended and reads back through commons-csv exactly as written. */
class ReportWriterTest {

    @TempDir
    Path dir;

    private static final ReportRow CREATED = new ReportRow("Juan Pérez", "juan.perez@ejemplo.com", "+34600123456",
            "Salud", "19x5", "Marta Ruiz", "10x123", "CREATED", 2, "");
    private static final ReportRow TRICKY = new ReportRow("Gómez, Ana \"Anita\"", "=cmd|' /C calc'!A0", "",
            "Salud;\nnivel 2", null, null, null, "INVALID", 3, "-no name; @everyone");

    private static List<CSVRecord> readBack(Path file, char delimiter) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void reportRoundTripsWithBomHeaderAndNeutralisedCells() throws Exception {
        Path out = dir.resolve("leads_asignados.csv");

        ReportWriter.write(out, ';', List.of(CREATED, TRICKY));

        List<CSVRecord> records = readBack(out, ';');
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).isEqualTo(ReportWriter.COLUMNS);
        assertThat(records.get(1).toList()).containsExactly("Juan Pérez", "juan.perez@ejemplo.com", "'+34600123456",
                "Salud", "19x5", "Marta Ruiz", "10x123", "CREATED", "2", "");
        assertThat(records.get(2).toList()).containsExactly("Gómez, Ana \"Anita\"", "'=cmd|' /C calc'!A0", "",
                "Salud;\nnivel 2", "", "", "", "INVALID", "3", "'-no name; @everyone");
    }

    @Test
    void recordsEndWithCrLfAndQuotesAreDoubled() throws Exception {
        Path out = dir.resolve("r.csv");

        ReportWriter.write(out, ',', List.of(TRICKY));

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNombre,Email,Teléfono,Curso Interesado,AssignedToID,AssignedToName,"
                + "LeadID,Status,Row,Detail\r\n");
        assertThat(text).contains("\"Gómez, Ana \"\"Anita\"\"\"").contains("\"Salud;\nnivel 2\"").endsWith("\r\n");
    }

    @Test
    void tabDelimiterIsKept() throws Exception {
        Path out = dir.resolve("t.csv");
        ReportWriter.write(out, '\t', List.of(CREATED));
        assertThat(readBack(out, '\t').get(1).get(0)).isEqualTo("Juan Pérez");
        assertThat(Files.readString(out)).contains("Nombre\tEmail\t");
    }

    @Test
    void parentFoldersAreCreatedAndAnExistingReportIsReplaced() throws Exception {
        Path out = dir.resolve("a/b/report.csv");
        ReportWriter.write(out, ',', List.of(CREATED, TRICKY));

        ReportWriter.write(out, ',', List.of(CREATED));

        assertThat(readBack(out, ',')).hasSize(2);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void reportIsReadableByTheGroupButNotByOthersInAFolderMadeForIt() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("nuevo/informes/report.csv");

        ReportWriter.write(out, ',', List.of(CREATED));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.getParent()))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nuevo")))).isEqualTo("rwxr-x---");
    }

    @Test
    void aReportReplacingAWorldReadableOneIsPrivateToo() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = Files.writeString(dir.resolve("report.csv"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-rw-"));

        ReportWriter.write(out, ',', List.of(CREATED));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as("an existing folder keeps its rights")
                .isNotEqualTo("rwxr-x---");
    }

    @Test
    void emptyReportHasOnlyTheHeader() throws Exception {
        Path out = dir.resolve("empty.csv");
        ReportWriter.write(out, ',', List.of());
        assertThat(readBack(out, ',')).hasSize(1);
    }

    @Test
    void everyColumnIsNeutralisedIncludingStatusAndDetail() throws Exception {
        Path out = dir.resolve("all.csv");
        ReportRow hostile = new ReportRow("=1+1", "@SUM(A1)", "+34 600 12 34 56", "-Salud", "\t19x5", "\rMarta",
                "=10x1", "=error: x", -3, "+detail\nsecond line");

        ReportWriter.write(out, ',', List.of(hostile));

        List<String> cells = readBack(out, ',').get(1).toList();
        assertThat(cells).containsExactly("'=1+1", "'@SUM(A1)", "'+34 600 12 34 56", "'-Salud", "'\t19x5",
                "'\rMarta", "'=10x1", "'=error: x", "'-3", "'+detail\nsecond line");
    }

    @Test
    void nulAndLoneSurrogatesDoNotBreakTheFile() throws Exception {
        Path out = dir.resolve("odd.csv");
        ReportWriter.write(out, ';', List.of(new ReportRow("A\0na", "x\uD800", null, null, null, null, null, "invalid",
                2, "\0=cmd")));
        List<String> cells = readBack(out, ';').get(1).toList();
        assertThat(cells.get(0)).isEqualTo("Ana");
        assertThat(cells.get(1)).isEqualTo("x\uFFFD");
        assertThat(cells.get(9)).isEqualTo("'=cmd");
    }
}
