package org.leadrouter.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Login challenges and webservice sessions as a stock VTiger 8.1 keeps them: a token lives 5 minutes (one per
 * user, a new challenge replaces it); a session is a PHP session file that lives until it is removed, and PHP
 * locks that file for the whole of each request, so one session serves one request at a time.
 */
final class SessionRegistry {

    static final Duration TOKEN_LIFE = Duration.ofMinutes(5);

    /** A login challenge; reusable until it expires. */
    record Challenge(String token, Instant issued, Instant expires) {
    }

    private static final class Session {
        final long userId;
        /** PHP's session file lock: held for a whole request. */
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastUsed;
        int calls;

        Session(long userId, Instant created) {
            this.userId = userId;
            this.lastUsed = created;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Like VTiger, which deletes the user's previous token before storing the new one. */
    Challenge challenge(long userId, Instant now) {
        // uniqid(): 13 hex digits.
        String token = hex(7).substring(0, 13);
        Challenge c = new Challenge(token, now, now.plus(TOKEN_LIFE));
        challenges.put(userId, c);
        return c;
    }

    Optional<String> activeToken(long userId, Instant now) {
        Challenge c = challenges.get(userId);
        // VTiger keeps tokens whose expireTime >= now.
        return c == null || now.isAfter(c.expires()) ? Optional.empty() : Optional.of(c.token());
    }

    String open(long userId, Instant now) {
        String id = hex(13).substring(0, 26); // PHP session ids are 26 lower-case characters
        sessions.put(id, new Session(userId, now));
        return id;
    }

    /** The lock PHP takes on the session's file for one request; empty when there is no such session. */
    Optional<ReentrantLock> lock(String sessionName) {
        Session s = sessionName == null ? null : sessions.get(sessionName);
        return s == null ? Optional.empty() : Optional.of(s.lock);
    }

    /**
     * Validates a session for one authenticated call and returns its user id. A session whose file is gone answers
     * INVALID_SESSIONID, as do sessions the fault-injection knobs remove (after some calls, or after some idle time
     * as PHP's session garbage collector does).
     *
     * @param maxCalls calls a session may serve before its file is removed; 0 for no limit
     * @param maxIdle  idle time after which its file is removed; null for never (a stock install's behaviour here)
     */
    long use(String sessionName, Instant now, int maxCalls, Duration maxIdle) {
        Session s = sessions.get(sessionName);
        if (s == null) {
            throw VtigerError.invalidSession();
        }
        synchronized (s) {
            boolean removed = maxCalls > 0 && s.calls >= maxCalls
                    || maxIdle != null && now.isAfter(s.lastUsed.plus(maxIdle));
            if (removed) {
                sessions.remove(sessionName);
                throw VtigerError.invalidSession();
            }
            s.lastUsed = now;
            s.calls++;
            return s.userId;
        }
    }

    /** The user of a live session, without counting a call. */
    Optional<Long> userOf(String sessionName) {
        Session s = sessionName == null ? null : sessions.get(sessionName);
        return s == null ? Optional.empty() : Optional.of(s.userId);
    }

    void expireAll() {
        sessions.clear();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
