package org.leadrouter.failure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.leadrouter.i18n.Text;

/**
 * Judges an exception thrown while reading an input file: whatever it is, only that file is concerned (reading
 * writes nothing), so it is the file's access or its content, said in the team's words without the reader's own.
 */
public final class InputFailures {
    private InputFailures() {
    }

    public static FailedException reading(Path file, Exception e) {
        if (e instanceof AccessDeniedException) {
            return new FailedException(Failure.of(Failure.Kind.FILE_ACCESS, new Text("file.access-denied")), e);
        }
        return new FailedException(Failure.of(Failure.Kind.FILE_CONTENT, contentReason(file, e)), e);
    }

    private static Text contentReason(Path file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OldExcelFormatException) {
                return new Text("file.old-excel");
            }
            // POI's ZipSecureFile: a part that expands beyond its ratio or size limits
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return new Text("file.expands-too-much");
            }
        }
        return excel95(file) ? new Text("file.old-excel") : new Text("file.unreadable-content");
    }

    /** An OLE2 file with Excel 5.0/95's "Book" stream and no "Workbook" one. */
    private static boolean excel95(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            return root.hasEntryCaseInsensitive("Book") && !root.hasEntryCaseInsensitive("Workbook");
        } catch (IOException | RuntimeException notOle2) {
            return false;
        }
    }
}
