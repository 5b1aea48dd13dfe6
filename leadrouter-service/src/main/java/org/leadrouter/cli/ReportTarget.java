package org.leadrouter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.leadrouter.files.FilePermissions;
import org.leadrouter.i18n.Messages;

/**
 * Checks, before anything is sent to VTiger, that the report can be written where it was asked: otherwise leads
 * would be created and their ids lost with the report.
 */
final class ReportTarget {
    private ReportTarget() {
    }

    /** What is wrong with writing the report to {@code report}, in the team's words, or empty when it can be written. */
    static Optional<String> problem(Path report, Path input) {
        Path target = report.toAbsolutePath().normalize();
        if (target.equals(input.toAbsolutePath().normalize())) {
            return Optional.of(Messages.t("report-target.is-input", report.toString()));
        }
        if (Files.isDirectory(target)) {
            return Optional.of(Messages.t("report-target.is-folder", report.toString()));
        }
        Path folder = target.getParent();
        try {
            FilePermissions.createFolders(folder);
        } catch (IOException e) {
            return Optional.of(Messages.t("report-target.no-folder", report.toString(), folder.toString()));
        }
        if (!Files.isWritable(folder)) {
            return Optional.of(Messages.t("report-target.no-permission", report.toString(), folder.toString()));
        }
        return Optional.empty();
    }
}
