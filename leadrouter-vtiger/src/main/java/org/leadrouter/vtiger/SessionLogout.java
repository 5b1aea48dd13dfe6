package org.leadrouter.vtiger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.leadrouter.vtiger.SessionPool.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs out of the sessions a client opened, when it closes, so that VTiger's PHP session files do not pile up. Never
 * fails: a stock VTiger 8.1 on PHP 8 answers {@code logout} with HTTP 500 (its session files are removed by PHP's
 * session garbage collection instead), and a VTiger that does not answer at all is not asked again for the others.
 */
final class SessionLogout {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLogout.class);

    private final Webservice webservice;

    SessionLogout(Webservice webservice) {
        this.webservice = Objects.requireNonNull(webservice, "webservice == null");
    }

    /** Sends {@code logout} for each session, one after another; returns how many VTiger accepted. */
    int logOut(List<Session> sessions) {
        int accepted = 0;
        int refused = 0;
        for (Session s : sessions) {
            try {
                webservice.post("logout", Map.of("operation", "logout", "sessionName", s.name()));
                accepted++;
            } catch (VtigerUnavailableException e) {
                if (e.getCause() != null) { // no answer at all: VTiger is unreachable, the others would wait too
                    LOG.info("VTiger did not answer the logout ({}); {} session(s) left to expire", e.getMessage(),
                            sessions.size() - accepted - refused);
                    return accepted;
                }
                refused++;
            } catch (RuntimeException e) {
                refused++;
            }
        }
        if (refused > 0) {
            LOG.info("VTiger refused the logout of {} of {} session(s) (a stock VTiger 8.1 on PHP 8 answers logout"
                    + " with HTTP 500); PHP removes their session files after session.gc_maxlifetime", refused,
                    sessions.size());
        } else if (accepted > 0) {
            LOG.debug("logged out of {} VTiger session(s)", accepted);
        }
        return accepted;
    }
}
