package org.leadrouter.vtiger;

import org.leadrouter.failure.Classified;
import org.leadrouter.failure.Failure;
import org.leadrouter.i18n.Text;

import java.util.Objects;
import java.util.Set;

/** VTiger answered, and said no: carries VTiger's own error code and message. */
public final class VtigerException extends RuntimeException implements Classified {
    private static final Set<String> SESSION_CODES = Set.of("INVALID_SESSIONID", "SESSION_EXPIRED", "SESSION_LEFT_IDLE");

    private final String code;
    private final String vtigerMessage;
    private final boolean loginRefused;

    public VtigerException(String code, String vtigerMessage) {
        this(code, vtigerMessage, false);
    }

    private VtigerException(String code, String vtigerMessage, boolean loginRefused) {
        // a refused login says what to fix, wherever its message is logged (the daemon's retry log included)
        super(loginRefused ? LoginRefusal.explain(code) + " (VTiger said: " + vtigerMessage + ")"
                : code + ": " + vtigerMessage);
        this.code = Objects.requireNonNull(code, "code == null");
        this.vtigerMessage = vtigerMessage == null ? "" : vtigerMessage;
        this.loginRefused = loginRefused;
    }

    /** The same answer, known to be VTiger's refusal of our credentials (it came from getchallenge or login). */
    public VtigerException asLoginRefusal() {
        return new VtigerException(code, vtigerMessage, true);
    }

    public String code() {
        return code;
    }

    /** VTiger's message, as it said it. */
    public String vtigerMessage() {
        return vtigerMessage;
    }

    /** The session is gone: logging in again and retrying once is the right answer. */
    public boolean isSessionLost() {
        return SESSION_CODES.contains(code);
    }

    /** The credentials were refused: nothing will work until the configuration is fixed. */
    public boolean isLoginRefused() {
        return loginRefused || code.equals("INVALID_USER_CREDENTIALS") || code.equals("INVALID_AUTH_TOKEN")
                || code.equals("AUTHENTICATION_REQUIRED");
    }

    /** What went wrong and what to fix, when the login was refused; VTiger's code and message otherwise. */
    public String explanation() {
        return isLoginRefused() ? LoginRefusal.explain(code) : "VTiger refused a request (" + code + "): " + vtigerMessage;
    }

    /** VTiger said no: an administrator must change a credential or a setting. */
    @Override
    public Failure failure() {
        return Failure.of(Failure.Kind.VTIGER_REFUSES, new Text("text.as-is", explanation()));
    }
}
