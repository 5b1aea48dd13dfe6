package org.leadrouter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.allocation.Absence;
import org.leadrouter.allocation.Absences;
import org.leadrouter.testing.LogCapture;

/** The absences file as the sales manager keeps it in Excel: read, re-read on change, refused naming the line. */
class AbsencesFileTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    @Test
    void anExcelSemicolonFileInWindows1252WithSpanishDatesIsRead() throws Exception {
        Path file = dir.resolve("ausencias.csv");
        Files.write(file, ("Asesor;Desde;Hasta;Motivo\r\nasesor.ana;30/11/2026;04/12/2026;Vacaciones\r\n\r\n"
                + "ASESOR.LUIS;2026-12-01;2026-12-01;Médico\r\n").getBytes(Charset.forName("windows-1252")));
        Absences absences = new AbsencesFile(file).current();
        assertThat(absences.all()).containsExactly(
                new Absence("asesor.ana", MONDAY, LocalDate.of(2026, 12, 4), "Vacaciones", 2),
                new Absence("asesor.luis", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), "Médico", 4));
        assertThat(absences.on(MONDAY)).containsOnlyKeys("asesor.ana");
        assertThat(absences.on(LocalDate.of(2026, 12, 1))).containsOnlyKeys("asesor.ana", "asesor.luis");
        assertThat(absences.on(LocalDate.of(2026, 12, 5))).isEmpty();
    }

    @Test
    void anEditIsPickedUpWithoutARestartAndABadEditKeepsTheLastGoodVersion() throws Exception {
        Path file = dir.resolve("ausencias.csv");
        write(file, "Asesor,Desde,Hasta,Motivo\nasesor.ana,30/11/2026,30/11/2026,\n", 1);
        AbsencesFile absences = new AbsencesFile(file);
        assertThat(absences.current().on(MONDAY)).containsOnlyKeys("asesor.ana");

        write(file, "Asesor,Desde,Hasta,Motivo\nasesor.ana,30/11/2026,30/11/2026,\nasesor.juan,30/11/2026,30/11/2026,Curso\n", 2);
        assertThat(absences.current().on(MONDAY)).containsOnlyKeys("asesor.ana", "asesor.juan");
        assertThat(absences.problem()).isEmpty();

        try (LogCapture log = LogCapture.of(AbsencesFile.class.getName())) {
            write(file, "Asesor,Desde,Hasta,Motivo\nasesor.ana,30/11/2026,30/11/2026,\nasesor.luis,31/11/2026,01/12/2026,\n", 3);
            assertThat(absences.current().on(MONDAY)).containsOnlyKeys("asesor.ana", "asesor.juan");
            assertThat(absences.current().on(MONDAY)).containsOnlyKeys("asesor.ana", "asesor.juan");
            assertThat(absences.problem()).hasValueSatisfying(p -> assertThat(p)
                    .isEqualTo("line 3: Desde '31/11/2026' is not a date (write dd/MM/yyyy or yyyy-MM-dd)"));
            assertThat(log.messages(Level.WARN)).filteredOn(m -> m.contains("refused")).hasSize(1);
        }

        write(file, "Asesor,Desde,Hasta,Motivo\nasesor.luis,30/11/2026,01/12/2026,\n", 4);
        assertThat(absences.current().on(MONDAY)).containsOnlyKeys("asesor.luis");
        assertThat(absences.problem()).isEmpty();
    }

    @Test
    void badFilesAreRefusedNamingTheLine() throws Exception {
        assertRefused("Nombre,Dia\nana,1\n", "line 1: the header must be Asesor,Desde,Hasta,Motivo");
        assertRefused("Asesor;Desde;Hasta\n;01/12/2026;02/12/2026\n", "line 2: the Asesor (VTiger user name) is empty");
        assertRefused("Asesor,Desde,Hasta\n\nana,05/12/2026,01/12/2026\n", "line 3: Hasta (2026-12-01) is before Desde (2026-12-05)");
        assertRefused("Asesor,Desde,Hasta\nana,mañana,01/12/2026\n", "line 2: Desde 'mañana' is not a date");
    }

    @Test
    void aMissingFileKeepsTheAbsencesReadLastAndSaysSo() throws Exception {
        Path file = dir.resolve("ausencias.csv");
        write(file, "Asesor,Desde,Hasta\nasesor.ana,30/11/2026,30/11/2026\n", 1);
        AbsencesFile absences = new AbsencesFile(file);
        assertThat(absences.current().all()).hasSize(1);
        Files.delete(file);
        assertThat(absences.current().all()).hasSize(1);
        assertThat(absences.problem()).contains("the file does not exist");
    }

    private void assertRefused(String content, String reason) throws Exception {
        Path file = dir.resolve("bad.csv");
        write(file, content, content.length());
        AbsencesFile absences = new AbsencesFile(file);
        assertThat(absences.current()).isEqualTo(Absences.NONE);
        assertThat(absences.problem()).hasValueSatisfying(p -> assertThat(p).startsWith(reason));
    }

    /** Writes with a distinct modification time, as an editor saving the file would. */
    private static void write(Path file, String content, int version) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T08:00:00Z").plusSeconds(version)));
    }
}
