package org.leadrouter.vtiger;

import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.leadrouter.vtiger.SessionPool.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that need a session: each on a session of the pool that no other request uses meanwhile, a session VTiger
 * dropped replaced once by a new login, a session whose request went unanswered left for another.
 */
final class SessionCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCalls.class);

    private final SessionPool sessions;
    private final SessionOpener opener;
    private final TransientRetry retry;

    SessionCalls(SessionPool sessions, SessionOpener opener, TransientRetry retry) {
        this.sessions = Objects.requireNonNull(sessions, "sessions == null");
        this.opener = Objects.requireNonNull(opener, "opener == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
    }

    /**
     * {@code request} on a borrowed session. When VTiger has dropped that session, a new one is opened in its place
     * (one login at a time) and the request is sent once more. When the answer was lost (a timeout, a connection
     * dropped after sending), VTiger may still be working on the request, and PHP holds the session's lock until it
     * is done: that session is left, and a retry (or the next request, e.g. the marker lookup after a lost create)
     * goes to another, so that it is answered at once instead of waiting behind it.
     *
     * @param repeatable whether the request may be sent again when it may have reached VTiger (reads: yes; create: no)
     */
    JsonNode call(String operation, boolean repeatable, Function<Session, JsonNode> request) {
        boolean renewed = false;
        Session fresh = null;
        for (int attempt = 1; ; ) {
            Session s = fresh != null ? fresh : sessions.borrow();
            fresh = null;
            try {
                JsonNode result = request.apply(s);
                sessions.release(s);
                return result;
            } catch (VtigerUnavailableException e) {
                if (e.mayStillBeRunning()) {
                    sessions.discard();
                    opener.forget(s);
                    LOG.debug("VTiger may still be working on '{}': its session is left, the next request takes another",
                            operation);
                } else {
                    sessions.release(s);
                }
                retry.pauseBeforeRetry(operation, repeatable, attempt++, e);
            } catch (VtigerException e) {
                if (!e.isSessionLost() || renewed) {
                    if (e.isSessionLost()) {
                        sessions.discard();
                        opener.forget(s);
                    } else {
                        sessions.release(s);
                    }
                    throw e;
                }
                // the dead session's place (and permit) goes to a new one (the other idle ones may be dead too)
                renewed = true;
                opener.forget(s);
                LOG.info("VTiger session ended ({}); logging in again", e.code());
                try {
                    fresh = opener.open();
                } catch (RuntimeException | Error loginFailed) {
                    sessions.discard();
                    throw loginFailed;
                }
            } catch (RuntimeException | Error e) {
                sessions.release(s);
                throw e;
            }
        }
    }
}
