package org.leadrouter.cli;

import java.io.PrintWriter;

import org.leadrouter.config.ConfigException;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.i18n.Messages;
import org.leadrouter.pipeline.CreateUnsettledException;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/** The process exit codes, as documented in the README, and the one mapping from a failure to its code. */
public final class ExitCode {
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

    /** The exit code for {@code failure}, after saying on {@code err}, in one line, what the user can do about it. */
    static int of(Throwable failure, PrintWriter err) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                err.println(Messages.t("run.file-unusable", u.plainReason()));
                return USAGE;
            }
            if (t instanceof CreateUnsettledException c) {
                err.println(Messages.t("run.create-unsettled", c.origin().row(), c.notBefore().toString()));
                return VTIGER_UNAVAILABLE;
            }
            if (t instanceof VtigerUnavailableException) {
                err.println(Messages.t("run.vtiger-unreachable", t.getMessage()));
                return VTIGER_UNAVAILABLE;
            }
            if (t instanceof VtigerException v) {
                err.println("error: " + v.explanation());
                return VTIGER_UNAVAILABLE;
            }
            if (t instanceof ConfigException) {
                err.println("error: " + t.getMessage());
                return USAGE;
            }
            if (t instanceof StateException) {
                err.println(Messages.t("run.state-unwritable", StateDatabase.rootCause(t)));
                return INTERNAL;
            }
        }
        err.println("error: internal failure: " + failure);
        return INTERNAL;
    }
}
