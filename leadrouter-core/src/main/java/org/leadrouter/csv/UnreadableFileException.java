package org.leadrouter.csv;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;

import java.util.Objects;

import org.leadrouter.i18n.Text;

/**
 * The file cannot be read as a lead file at all; the reason says, in plain words, what is wrong and what to do:
 * in English as the exception's message (for the log), in the team's language by {@link #plainReason()}.
 */
public final class UnreadableFileException extends Exception implements Classified {

    private static final long serialVersionUID = 1L;

    private final transient Text reason;

    public UnreadableFileException(Text reason) {
        super(Objects.requireNonNull(reason, "reason == null").english());
        this.reason = reason;
    }

    /** A reason for the team, and the parser's failure behind it (which the team never reads). */
    public UnreadableFileException(Text reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason == null").english(), cause);
        this.reason = reason;
    }

    /** A reason meant for the administrator only (it stays in English). */
    public UnreadableFileException(String plainReason) {
        super(plainReason);
        this.reason = null;
    }

    /** The reason in the language set for the sales team. */
    public String plainReason() {
        return reason().localized();
    }

    /** The reason, to be put into words in either language. */
    public Text reason() {
        return reason == null ? new Text("text.as-is", getMessage()) : reason;
    }

    /** The file's own content or format: it goes to error/ with the reason. */
    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.FILE_CONTENT, reason());
    }
}
