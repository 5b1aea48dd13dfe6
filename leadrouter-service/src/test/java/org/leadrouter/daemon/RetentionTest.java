package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.journal.Journal;
import org.leadrouter.batch.RowOrigin;
import org.leadrouter.lead.RawLead;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.testing.MutableClock;

/**
 * {@code retention.days}: archived inputs, reports, rejected files and journal rows past the limit go, with one log
 * line; recent files and the deferred queue stay.
 */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String OLD = "a".repeat(64);
    private static final String NEW = "b".repeat(64);
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(100));

    @TempDir
    Path root;
    private DaemonSettings folders;
    private StateDatabase state;
    private MutableClock clock;
    private Journal journal;
    private LogCapture log;

    @BeforeEach
    void folders() {
        folders = new DaemonSettings(root.resolve("inbox"), root.resolve("outbox"), root.resolve("archive"),
                root.resolve("error"), true, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        state = StateDatabase.open(root.resolve("state"));
        clock = new MutableClock(LONG_AGO);
        journal = new Journal(state, clock);
        log = LogCapture.of(Retention.class.getName());
    }

    @AfterEach
    void close() {
        log.close();
        state.close();
    }

    @Test
    void filesAndJournalRowsPastTheLimitGoWhileRecentOnesAndTheDeferredQueueStay() throws IOException {
        // 100 days ago: a file was distributed (one lead created, one deferred) and another was rejected
        long run = journal.fileStarted(OLD, "agosto.csv", "apply");
        journal.created(new RowOrigin(OLD, 2, "agosto.csv"), "10x1", "19x5", "asesor.ana", LocalDate.of(2026, 8, 19));
        journal.deferred(new RowOrigin(OLD, 3, "agosto.csv"),
                new RawLead(3, "Eva Espera", "eva@example.com", "", "Salud", "", "", List.of()), LocalDate.of(2026, 8, 19));
        journal.fileFinished(run, "processed", "agosto_report.csv");
        Path oldArchived = old(root.resolve("archive/2026/08/19/agosto.csv"));
        Path oldReport = old(root.resolve("outbox/agosto_20260819-100000_report.csv"));
        Path oldRejected = old(root.resolve("error/informe.csv"));
        Path oldExplanation = old(root.resolve("error/informe.csv.error.txt"));
        old(root.resolve("archive/2026/08/19"));
        old(root.resolve("archive/2026/08"));
        // today: another file
        clock.advance(Duration.ofDays(100));
        journal.created(new RowOrigin(NEW, 2, "noviembre.csv"), "10x2", "19x6", "asesor.juan", LocalDate.of(2026, 11, 27));
        Path newArchived = recent(root.resolve("archive/2026/11/27/noviembre.csv"));
        Path newReport = recent(root.resolve("outbox/noviembre_20261127-095900_report.csv"));
        Path newRejected = recent(root.resolve("error/vacio.csv"));
        Path borderline = at(root.resolve("outbox/hace-89-dias_report.csv"), NOW.minus(Duration.ofDays(89)));

        int removed = new Retention(folders, journal, 90, clock).purge();

        assertThat(removed).isEqualTo(4);
        assertThat(List.of(oldArchived, oldReport, oldRejected, oldExplanation)).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(root.resolve("archive/2026/08")).as("emptied day folders go too").doesNotExist();
        assertThat(List.of(newArchived, newReport, newRejected, borderline)).allSatisfy(p -> assertThat(p).exists());
        assertThat(journal.rows(OLD)).as("only the deferred row of the old file is left").containsOnlyKeys(3);
        assertThat(journal.deferredCount()).isEqualTo(1);
        assertThat(journal.rows(NEW)).containsOnlyKeys(2);
        assertThat(journal.lastRun(OLD)).isEmpty();
        assertThat(log.messages(Level.INFO)).singleElement().asString()
                .isEqualTo("retention: removed 4 file(s) and 1 journal row(s) older than 90 days");
    }

    @Test
    void nothingPastTheLimitMeansNothingRemovedAndNothingLogged() throws IOException {
        clock.advance(Duration.ofDays(100));
        recent(root.resolve("outbox/hoy_report.csv"));

        assertThat(new Retention(folders, journal, 90, clock).purge()).isZero();
        assertThat(root.resolve("outbox/hoy_report.csv")).exists();
        assertThat(log.messages(Level.INFO)).isEmpty();
    }

    private static Path old(Path p) throws IOException {
        return at(p, LONG_AGO);
    }

    private static Path recent(Path p) throws IOException {
        return at(p, NOW.minus(Duration.ofHours(1)));
    }

    private static Path at(Path p, Instant time) throws IOException {
        if (!Files.exists(p)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "personal data");
        }
        Files.setLastModifiedTime(p, FileTime.from(time));
        return p;
    }
}
