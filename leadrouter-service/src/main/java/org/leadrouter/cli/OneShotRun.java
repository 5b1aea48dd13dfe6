package org.leadrouter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.apache.camel.main.Main;
import org.leadrouter.app.Leadrouter;
import org.leadrouter.config.Settings;
import org.leadrouter.files.FileClaim;
import org.leadrouter.daemon.LiveQueues;
import org.leadrouter.i18n.Messages;
import org.leadrouter.i18n.Text;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;
import org.leadrouter.vtiger.CallCounter;

/** Runs one file through the pipeline and turns the outcome into a summary and an exit code. */
final class OneShotRun {
    private OneShotRun() {
    }

    static int execute(Main main, Settings settings, Path csv, Mode mode, Path report, PrintWriter out, PrintWriter err) {
        return execute(main, settings, csv, mode, report, out, err, new ProgressDisplay.Silent());
    }

    /** As above, showing the progress of the creates on {@code progress}; the pipeline runs in {@code main}. */
    static int execute(Main main, Settings settings, Path csv, Mode mode, Path report, PrintWriter out, PrintWriter err,
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
        Optional<FileClaim> claim = Optional.empty();
        if (mode == Mode.APPLY) {
            // the copy of a running daemon's deferred queue: that daemon releases these leads itself
            Optional<Text> liveQueue = LiveQueues.refusal(csv, settings.daemon().outbox(), Clock.systemUTC());
            if (liveQueue.isPresent()) {
                err.println(Messages.t("run.file-unusable", liveQueue.get().localized()));
                return ExitCode.USAGE;
            }
            // a daemon (or another run) may be taking this very file: exactly one process sends its leads
            try {
                claim = FileClaim.tryClaim(csv, FileClaim.owner("run"), Clock.systemUTC());
            } catch (IOException e) {
                err.println(Messages.t("run.cannot-claim", csv.toString(), e.getClass().getSimpleName()));
                return ExitCode.USAGE;
            }
            if (claim.isEmpty()) {
                err.println(Messages.t("run.file-claimed", csv.toString(),
                        FileClaim.holder(csv, Clock.systemUTC()).orElse("?")));
                return ExitCode.USAGE;
            }
        }
        CallCounter calls = new CallCounter();
        DistributionResult result;
        try (Leadrouter app = Leadrouter.start(main, settings, Clock.systemDefaultZone(), calls); progress) {
            app.steps().progress().listenWith(progress);
            result = app.distribute(new DistributionRequest(csv, mode, report));
        } catch (Exception e) {
            return ExitCode.of(e, err);
        } finally {
            claim.ifPresent(FileClaim::close);
        }
        if (result.succeeded()) {
            RunSummary.print(out, result.batch(), calls.counts());
            return result.batch().count(RowStatus.ERROR) > 0 ? ExitCode.ROW_ERRORS : ExitCode.OK;
        }
        result.batchIfRead().ifPresent(b -> RunSummary.print(out, b,
                result.report() == null ? b.request().report() : result.report(), calls.counts()));
        if (result.reportBeside()) {
            out.println(Messages.t("run.report-kept", report.toAbsolutePath().toString(),
                    result.report().toAbsolutePath().toString()));
        }
        return ExitCode.of(result.failure(), err);
    }
}
