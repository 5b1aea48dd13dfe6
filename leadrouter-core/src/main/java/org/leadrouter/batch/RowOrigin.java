package org.leadrouter.batch;

import java.util.Objects;

/**
 * Where a lead came from: the content hash of its file, its row there, and the file's name. The journal keys
 * rows by origin, and the import marker written into VTiger is derived from it, so a lead keeps its identity
 * across crashes, re-dropped files and deferral.
 */
public record RowOrigin(String contentHash, int row, String fileName) {

    public RowOrigin {
        Objects.requireNonNull(contentHash, "contentHash == null");
        Objects.requireNonNull(fileName, "fileName == null");
        if (contentHash.length() < 16) {
            throw new IllegalArgumentException("contentHash too short: " + contentHash);
        }
    }

    /** The marker written into the Lead's description: {@code [leadrouter:<hash16>:<row>]}. */
    public String marker() {
        return markerPrefix(contentHash) + row + "]";
    }

    /** What every marker of one file starts with: lets one query find all leads created from a file. */
    public static String markerPrefix(String contentHash) {
        return "[leadrouter:" + contentHash.substring(0, 16) + ":";
    }
}
