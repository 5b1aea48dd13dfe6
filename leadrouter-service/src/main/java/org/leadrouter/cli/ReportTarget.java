package org.leadrouter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.leadrouter.files.FilePermissions;

/**
 * Checks, before anything is sent to VTiger, that the report can be written where it was asked: otherwise leads
 * would be created and their ids lost with the report.
 */
final class ReportTarget {
    private ReportTarget() {
    }

    /** What is wrong with writing the report to {@code report}, or empty when it can be written. */
    static Optional<String> problem(Path report, Path input) {
        Path target = report.toAbsolutePath().normalize();
        if (target.equals(input.toAbsolutePath().normalize())) {
            return Optional.of("the report " + report + " would replace the input file: choose another --output");
        }
        if (Files.isDirectory(target)) {
            return Optional.of("the report " + report + " is a folder: give a file name with --output");
        }
        Path folder = target.getParent();
        try {
            FilePermissions.createFolders(folder);
        } catch (IOException e) {
            return Optional.of("the report " + report + " cannot be written: its folder " + folder + " cannot be created");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("the report " + report + " cannot be written: no permission to write in " + folder);
        }
        return Optional.empty();
    }
}
