package org.leadrouter.cli;

/** The process exit codes, as documented in the README. */
public final class ExitCode {
    /** The file was processed, whatever each row's status. */
    public static final int OK = 0;
    /** One or more rows ended in {@code error}. */
    public static final int ROW_ERRORS = 1;
    /** Usage or configuration error (including an input file that cannot be used): nothing was touched. */
    public static final int USAGE = 2;
    /** VTiger unreachable or login refused. */
    public static final int VTIGER_UNAVAILABLE = 3;

    private ExitCode() {
    }
}
