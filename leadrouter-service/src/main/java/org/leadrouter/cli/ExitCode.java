package org.leadrouter.cli;

import java.io.PrintWriter;

import org.leadrouter.failure.Failure;
import org.leadrouter.failure.Failures;
import org.leadrouter.i18n.Messages;
import org.leadrouter.pipeline.CreateUnsettledException;
import org.leadrouter.state.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process exit codes, as documented in docs/operations.md, and the one mapping from a {@link Failure} to its code. */
public final class ExitCode {
    private static final Logger LOG = LoggerFactory.getLogger("org.leadrouter.cli");
    /** The file was processed, whatever each row's status. */
    public static final int OK = 0;
    /** One or more rows ended in {@code error}. */
    public static final int ROW_ERRORS = 1;
    /** Usage or configuration error (including an input file that cannot be used): nothing was touched. */
    public static final int USAGE = 2;
    /** VTiger unreachable or login refused. */
    public static final int VTIGER_UNAVAILABLE = 3;
    /** An internal failure (a fault of leadrouter's, or of the machine: a full disk, an unwritable state). */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }

    /**
     * The exit code for {@code thrown}, after saying on {@code err}, in one line, what the user can do about it. A
     * fault of leadrouter's is logged with its stack under an incident id, and the id is in the line shown.
     */
    static int of(Throwable thrown, PrintWriter err) {
        Failure failure = Failures.classify(thrown);
        switch (failure.kind()) {
            case FILE_CONTENT, FILE_ACCESS -> {
                err.println(Messages.t("run.file-unusable", failure.reason().localized()));
                return USAGE;
            }
            case CONFIGURATION -> {
                err.println("error: " + failure.reason().english());
                return USAGE;
            }
            case VTIGER_UNAVAILABLE -> {
                CreateUnsettledException c = find(thrown, CreateUnsettledException.class);
                err.println(c != null ? Messages.t("run.create-unsettled", c.origin().row(), c.notBefore().toString())
                        : Messages.t("run.vtiger-unreachable", failure.reason().english()));
                return VTIGER_UNAVAILABLE;
            }
            case VTIGER_REFUSES -> {
                err.println("error: " + failure.reason().english());
                return VTIGER_UNAVAILABLE;
            }
            case STATE -> {
                err.println(Messages.t("run.state-unwritable", StateDatabase.rootCause(thrown)));
                return INTERNAL;
            }
            case FOLDER -> {
                err.println(Messages.t("run.error", failure.reason().localized()));
                return INTERNAL;
            }
            case BUG -> {
                LOG.error("internal failure, incident {}", failure.incident(), thrown);
                err.println(Messages.t("run.error", failure.reason().localized()));
                return INTERNAL;
            }
        }
        throw new AssertionError(failure.kind());
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
