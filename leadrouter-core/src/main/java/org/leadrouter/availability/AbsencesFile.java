package org.leadrouter.availability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.allocation.Absences;
import org.leadrouter.csv.AbsencesCsv;
import org.leadrouter.csv.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.leadrouter.i18n.Text;

/**
 * The absences file, read again whenever it changes (size or modification time), so the manager's edits count
 * without a restart. A file that cannot be used is refused with the reason (naming its line); the last good
 * version stays in force, and the problem is logged once per change of the file.
 */
public final class AbsencesFile {
    private static final Logger LOG = LoggerFactory.getLogger(AbsencesFile.class);
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final Path path;
    private Absences lastGood = Absences.NONE;
    private Text problem;
    private FileTime seenTime;
    private long seenSize = -1;
    private boolean seenMissing;

    public AbsencesFile(Path path) {
        this.path = Objects.requireNonNull(path, "path == null");
    }

    public Path path() {
        return path;
    }

    /** The absences in force: the file's, or the last good version while the file is wrong. */
    public synchronized Absences current() {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            seenMissing = false;
            if (time.equals(seenTime) && size == seenSize) {
                return lastGood;
            }
            seenTime = time;
            seenSize = size;
            if (size > MAX_BYTES) {
                refuse(new Text("absences.too-large"));
                return lastGood;
            }
            Absences read = AbsencesCsv.read(Files.readAllBytes(path));
            if (problem != null || lastGood != read) {
                LOG.info("absences file {} read: {} absence(s)", path, read.all().size());
            }
            lastGood = read;
            problem = null;
        } catch (NoSuchFileException e) {
            if (!seenMissing) {
                LOG.warn("absences file {} does not exist; the absences read last ({}) stay in force", path, lastGood.all().size());
                seenMissing = true;
            }
            seenTime = null;
            seenSize = -1;
            problem = new Text("absences.missing");
        } catch (UnreadableFileException e) {
            refuse(e.reason());
        } catch (IOException e) {
            refuse(new Text("absences.cannot-read", e.getClass().getSimpleName()));
        }
        return lastGood;
    }

    /** Why the file is not in force right now, if it is not: in English, for the log and {@code check}. */
    public synchronized Optional<String> problem() {
        current();
        return Optional.ofNullable(problem).map(Text::english);
    }

    /** The same, in the sales team's language (the manager who keeps the file reads it in the run's notes). */
    public synchronized Optional<String> problemForTeam() {
        current();
        return Optional.ofNullable(problem).map(Text::localized);
    }

    private void refuse(Text reason) {
        problem = reason;
        LOG.warn("absences file {} refused: {}; the previous version ({} absence(s)) stays in force", path,
                reason.english(), lastGood.all().size());
    }
}
