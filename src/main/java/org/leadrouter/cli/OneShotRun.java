package org.leadrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.leadrouter.app.Leadrouter;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.Settings;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.i18n.Messages;
import org.leadrouter.pipeline.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.pipeline.Mode;
import org.leadrouter.pipeline.RowStatus;
import org.leadrouter.vtiger.CallCounter;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/** Runs one file through the pipeline and turns the outcome into a summary and an exit code. */
final class OneShotRun {
    private OneShotRun() {
    }

    static int execute(Settings settings, Path csv, Mode mode, Path report, PrintWriter out, PrintWriter err) {
        return execute(settings, csv, mode, report, out, err, new ProgressDisplay.Silent());
    }

    /** As above, showing the progress of the creates on {@code progress}. */
    static int execute(Settings settings, Path csv, Mode mode, Path report, PrintWriter out, PrintWriter err,
                       ProgressDisplay progress) {
        Messages.use(settings.language()); // the summary, the report's Detail and the messages below
        if (!Files.isRegularFile(csv) || !Files.isReadable(csv)) {
            err.println(Messages.t("run.not-readable", csv));
            return ExitCode.USAGE;
        }
        Optional<String> reportProblem = ReportTarget.problem(report, csv);
        if (reportProblem.isPresent()) {
            err.println(Messages.t("run.error", reportProblem.get()));
            return ExitCode.USAGE;
        }
        CallCounter calls = new CallCounter();
        DistributionResult result;
        try (Leadrouter app = Leadrouter.start(settings, Clock.systemDefaultZone(), calls); progress) {
            app.steps().progress().listenWith(progress);
            result = app.distribute(new DistributionRequest(csv, mode, report));
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            err.println(Messages.t("run.could-not-start", e.getMessage()));
            return ExitCode.USAGE;
        }
        if (result.succeeded()) {
            RunSummary.print(out, result.batch(), calls.counts());
            return result.batch().count(RowStatus.ERROR) > 0 ? ExitCode.ROW_ERRORS : ExitCode.OK;
        }
        result.batchIfRead().ifPresent(b -> RunSummary.print(out, b, calls.counts()));
        return failure(result.failure(), err);
    }

    private static int failure(Exception failure, PrintWriter err) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                err.println(Messages.t("run.file-unusable", u.plainReason()));
                return ExitCode.USAGE;
            }
            if (t instanceof VtigerUnavailableException) {
                err.println(Messages.t("run.vtiger-unreachable", t.getMessage()));
                return ExitCode.VTIGER_UNAVAILABLE;
            }
            if (t instanceof VtigerException v) {
                err.println("error: " + v.explanation());
                return ExitCode.VTIGER_UNAVAILABLE;
            }
            if (t instanceof ConfigException) {
                err.println("error: " + t.getMessage());
                return ExitCode.USAGE;
            }
        }
        err.println("error: " + failure);
        return ExitCode.ROW_ERRORS;
    }
}
