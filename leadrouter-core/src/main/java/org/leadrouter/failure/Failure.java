package org.leadrouter.failure;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import org.leadrouter.i18n.Text;

/**
 * What failed, judged once where it happened: everything that decides what to do next (the daemon's error policy,
 * the exit codes, health, the page, the report) reads the {@link Kind}, never an exception's Java type. The reason
 * is put into words in the team's language for what they read and in English for the log; a {@link Kind#BUG} carries
 * an incident id, written both in the message the user sees and in the log line with the stack.
 */
public record Failure(Kind kind, Text reason, String incident) {
    private static final SecureRandom IDS = new SecureRandom();

    /** The small, closed set of things that can fail; a switch over it is exhaustive. */
    public enum Kind {
        /** This file's content or format: it can never succeed as it is. */
        FILE_CONTENT,
        /** This file cannot be read by the service (permissions): only this file is concerned. */
        FILE_ACCESS,
        /** A folder the service writes (outbox, archive, error, claims) cannot be written: a full disk, a lost mount. */
        FOLDER,
        /** The state database cannot be used. */
        STATE,
        /** VTiger cannot be reached or gives no usable answer for now: transient. */
        VTIGER_UNAVAILABLE,
        /** VTiger answers and refuses: a credential or a setting an administrator must fix. */
        VTIGER_REFUSES,
        /** A setting of leadrouter's own is missing or wrong. */
        CONFIGURATION,
        /** A fault of leadrouter's: nobody but its developers can fix it. */
        BUG;

        /** Whether only the file being processed is concerned: it goes to error/ and the next file is taken. */
        public boolean fileOwn() {
            return this == FILE_CONTENT || this == FILE_ACCESS;
        }
    }

    public Failure {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(reason, "reason == null");
        if ((kind == Kind.BUG) != (incident != null)) {
            throw new IllegalArgumentException("an incident id goes with a bug, and only with a bug: " + kind);
        }
    }

    public static Failure of(Kind kind, Text reason) {
        return new Failure(kind, reason, null);
    }

    /** A fault of leadrouter's, with a fresh incident id. */
    public static Failure bug(Throwable cause) {
        String id = HexFormat.of().withUpperCase().formatHex(next());
        String what = cause == null ? "unknown" : cause.getClass().getSimpleName();
        return new Failure(Kind.BUG, new Text("failure.bug", id, what), id);
    }

    private static byte[] next() {
        byte[] b = new byte[4];
        IDS.nextBytes(b);
        return b;
    }
}
