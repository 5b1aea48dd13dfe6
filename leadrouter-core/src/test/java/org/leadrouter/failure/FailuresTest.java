package org.leadrouter.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.ConfigException;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.i18n.Text;

/** A failure is what the outermost classified exception says, whatever it wraps; nothing classified is a bug. */
class FailuresTest {
    @TempDir
    Path dir;

    @Test
    void theOutermostJudgementWinsOverAnIoExceptionDeepDown() {
        Exception fileProblem = new IllegalStateException("step", new UnreadableFileException(new Text("file.old-excel")));
        Exception folder = new FailedException(Failure.of(Failure.Kind.FOLDER, new Text("text.as-is", "full")),
                new ConfigException(null, "nested"));

        assertThat(Failures.classify(fileProblem).kind()).isEqualTo(Failure.Kind.FILE_CONTENT);
        assertThat(Failures.classify(folder).kind()).isEqualTo(Failure.Kind.FOLDER);
    }

    @Test
    void anIoExceptionNobodyJudgedIsABugWithAFreshIncidentId() {
        Failure first = Failures.classify(new IOException("No space left on device"));
        Failure second = Failures.classify(new IOException("No space left on device"));

        assertThat(first.kind()).isEqualTo(Failure.Kind.BUG);
        assertThat(first.incident()).matches("[0-9A-F]{8}").isNotEqualTo(second.incident());
        assertThat(first.reason().english()).contains(first.incident()).contains("IOException");
    }

    @Test
    void aFolderIsToBlameOnlyWhenAProbeWriteThereFailsToo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("outbox"));
        assertThat(FolderFailures.probe(folder, new IOException("x"))).isEmpty();
        assertThat(Files.list(folder)).as("the probe leaves nothing behind").isEmpty();

        Path notAFolder = Files.writeString(dir.resolve("archive"), "a plain file where a folder should be");
        assertThat(FolderFailures.probe(notAFolder, new IOException("x"))).get()
                .satisfies(f -> assertThat(f.failure().kind()).isEqualTo(Failure.Kind.FOLDER));
    }
}
