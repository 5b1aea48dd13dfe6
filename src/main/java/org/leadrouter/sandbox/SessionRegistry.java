package org.leadrouter.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login challenges and webservice sessions with VTiger's lifetimes: tokens live 5 minutes (one per
 * user, a new challenge replaces it), sessions die after 30 idle minutes or one day.
 */
final class SessionRegistry {

    static final Duration TOKEN_LIFE = Duration.ofMinutes(5);
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final Duration SESSION_LIFE = Duration.ofDays(1);

    /** A login challenge; reusable until it expires. */
    record Challenge(String token, Instant issued, Instant expires) {
    }

    private static final class Session {
        final long userId;
        final Instant created;
        Instant lastUsed;
        int calls;

        Session(long userId, Instant created) {
            this.userId = userId;
            this.created = created;
            this.lastUsed = created;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Like VTiger, which deletes the user's previous token before storing the new one. */
    Challenge challenge(String userName, Instant now) {
        // uniqid(): 13 hex digits.
        String token = hex(7).substring(0, 13);
        Challenge c = new Challenge(token, now, now.plus(TOKEN_LIFE));
        challenges.put(key(userName), c);
        return c;
    }

    Optional<String> activeToken(String userName, Instant now) {
        Challenge c = challenges.get(key(userName));
        // VTiger keeps tokens whose expireTime >= now.
        return c == null || now.isAfter(c.expires()) ? Optional.empty() : Optional.of(c.token());
    }

    String open(long userId, Instant now) {
        String id = hex(13).substring(0, 26); // PHP session ids are 26 lower-case characters
        sessions.put(id, new Session(userId, now));
        return id;
    }

    /**
     * Validates a session for one authenticated call and returns its user id. A session that
     * fails is destroyed, so its id is unknown (INVALID_SESSIONID) from then on.
     *
     * @param maxCalls calls a session may serve before it is expired; 0 for no limit
     */
    long use(String sessionName, Instant now, int maxCalls) {
        Session s = sessions.get(sessionName);
        if (s == null) {
            throw VtigerError.invalidSession();
        }
        synchronized (s) {
            if (now.isAfter(s.created.plus(SESSION_LIFE)) || maxCalls > 0 && s.calls >= maxCalls) {
                sessions.remove(sessionName);
                throw VtigerError.sessionExpired();
            }
            if (now.isAfter(s.lastUsed.plus(SESSION_IDLE))) {
                sessions.remove(sessionName);
                throw VtigerError.sessionIdle();
            }
            s.lastUsed = now;
            s.calls++;
            return s.userId;
        }
    }

    void expireAll() {
        sessions.clear();
    }

    private static String key(String userName) {
        return userName == null ? "" : userName.toLowerCase(Locale.ROOT);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
