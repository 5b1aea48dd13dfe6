package org.leadrouter.failure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.leadrouter.files.FolderProbe;
import org.leadrouter.i18n.Text;

/**
 * Judges a failure to write into a folder by writing there again ({@link FolderProbe}): only a folder that refuses
 * the probe too is a {@link Failure.Kind#FOLDER} failure (a full disk, a folder gone or read-only).
 */
public final class FolderFailures {
    private FolderFailures() {
    }

    /** The folder's failure, when a probe write there fails too; empty when the folder takes files. */
    public static Optional<FailedException> probe(Path folder, IOException e) {
        return FolderProbe.problem(folder).map(problem -> new FailedException(
                Failure.of(Failure.Kind.FOLDER, new Text("failure.folder", folder.toString(), problem)), e));
    }

    /** What to throw after {@code e} writing into {@code folder}: its folder's failure, or {@code e} as it is. */
    public static Exception writing(Path folder, IOException e) {
        return probe(folder, e).<Exception>map(f -> f).orElse(e);
    }
}
