package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.testing.Reports;

/** Where finished files go: dated archive folders, error/ with a reason, never overwriting; folders checked at start. */
class FileOutcomesTest {
    @TempDir
    Path root;

    private DaemonSettings folders() {
        Duration s = Duration.ofSeconds(1);
        return new DaemonSettings(root.resolve("in"), root.resolve("out"), root.resolve("archive"), root.resolve("error"),
                true, s, s, s, s, s);
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void archiveGoesToTheBusinessDaysFolderAndNeverOverwrites() throws Exception {
        FileOutcomes outcomes = new FileOutcomes(folders(), clock, ZoneId.of("Europe/Madrid"));
        Files.createDirectories(root.resolve("in"));
        Path first = outcomes.archive(Files.writeString(root.resolve("in/leads.csv"), "one"));
        Path second = outcomes.archive(Files.writeString(root.resolve("in/leads.csv"), "two"));

        assertThat(first).isEqualTo(root.resolve("archive/2026/11/28/leads.csv"));
        assertThat(second).isEqualTo(root.resolve("archive/2026/11/28/leads-2.csv"));
        assertThat(Files.readString(first)).isEqualTo("one");
        assertThat(Files.readString(second)).isEqualTo("two");
    }

    @Test
    void rejectedFileGetsItsReasonBesideItAndTheDoneMarkerGoes() throws Exception {
        FileOutcomes outcomes = new FileOutcomes(folders(), clock, ZoneOffset.UTC);
        Files.createDirectories(root.resolve("in"));
        Path input = Files.writeString(root.resolve("in/roto.csv"), "x");
        Files.createFile(root.resolve("in/roto.csv.done"));
        Path target = outcomes.reject(input, "the file is empty", true);

        assertThat(target).isEqualTo(root.resolve("error/roto.csv"));
        assertThat(Files.readString(root.resolve("error/roto.csv.error.txt"))).contains("Reason: the file is empty")
                .contains("Nothing from this file was sent");
        assertThat(root.resolve("in/roto.csv.done")).doesNotExist();
    }

    @Test
    void reportNamesCarryTheInputNameAndTimeAndNeverClash() throws Exception {
        FileOutcomes outcomes = new FileOutcomes(folders(), clock, ZoneOffset.UTC);
        Path report = outcomes.reportFor("leads\nde julio.csv");
        assertThat(report.getFileName().toString()).isEqualTo("leads_de julio_20261127-233000_report.csv");
        Files.createDirectories(report.getParent());
        Files.createFile(report);
        Path second = outcomes.reportFor("leads\nde julio.csv");
        assertThat(second.getFileName().toString()).isEqualTo("leads_de julio_20261127-233000_report-2.csv");
        // what the tests count as reports: both, and not the other files of the outbox
        assertThat(List.of(report, second)).allMatch(Reports::isReport);
        assertThat(List.of(Path.of("hoy.html"), Path.of("deferred-queue_1a2b3c4d.csv"), Path.of(".x_report.csv.tmp")))
                .noneMatch(Reports::isReport);
    }

    @Test
    void aFolderThatCannotBeCreatedIsAStartUpErrorNamingTheKey() throws Exception {
        Files.writeString(root.resolve("error"), "a file where the error folder should be");
        assertThatThrownBy(() -> Folders.prepare(folders()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("paths.error");
    }
}
