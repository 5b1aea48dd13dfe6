package org.leadrouter.vtiger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.leadrouter.config.Secret;
import org.leadrouter.vtiger.SessionPool.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens webservice sessions: challenge and login, one login at a time, a refused login tried again before it is
 * believed; remembers who the login answer said we are.
 */
final class SessionOpener {
    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);
    /** How often a refused login is tried before the refusal is believed. */
    private static final int LOGIN_ATTEMPTS = 3;

    private final Webservice webservice;
    private final TransientRetry retry;
    private final Sleeper sleeper;
    private final String username;
    private final Secret accessKey;
    private volatile String userId;
    /** Sessions opened and not known to be over: the ones to log out of when the client closes. */
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    /** {@code is_admin} from the last login answer; null when VTiger did not say. */
    private volatile Boolean apiUserAdmin;

    SessionOpener(Webservice webservice, TransientRetry retry, Sleeper sleeper, String username, Secret accessKey) {
        this.webservice = Objects.requireNonNull(webservice, "webservice == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.username = Objects.requireNonNull(username, "username == null");
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey == null");
    }

    /** The webservice id of the user of the last login (e.g. {@code 19x1}); null before any. */
    String userId() {
        return userId;
    }

    /** Whether the last login answer said the API user is an admin; empty before any login, or if it did not say. */
    Optional<Boolean> apiUserAdmin() {
        return Optional.ofNullable(apiUserAdmin);
    }

    /**
     * One new session. Logins go one after another (a new challenge replaces the user's previous token, so two
     * logins at once would fail); sessions opened one after another all stay valid.
     * <p>
     * Another process logging in as the same user between our challenge and our login (a second leadrouter, or
     * {@code run} next to the daemon) replaces our token, and VTiger refuses the login as if the key were wrong. So a
     * refused login is tried again, a little later and at a random moment, before it is believed: a wrong key or an
     * inactive user is refused every time.
     */
    synchronized Session open() {
        for (int attempt = 1; ; attempt++) {
            try {
                return loginOnce();
            } catch (VtigerException e) {
                // any refusal here is about our credentials (an unknown user is refused at getchallenge already)
                boolean tokenTaken = e.code().equals("INVALID_USER_CREDENTIALS") || e.code().equals("INVALID_AUTH_TOKEN");
                if (!tokenTaken || attempt >= LOGIN_ATTEMPTS) {
                    throw e.asLoginRefusal();
                }
                // random, so that two processes refused at once do not collide again at their next try
                Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(200, 700) * attempt);
                LOG.info("VTiger refused the login of {} ({}); another login as the same user may have replaced our"
                        + " challenge: trying again in {} ms", username, e.code(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e.asLoginRefusal();
                }
            }
        }
    }

    private Session loginOnce() {
        JsonNode challenge = retry.call("getchallenge", true,
                () -> webservice.get("getchallenge", Map.of("operation", "getchallenge", "username", username)));
        String token = challenge.path("token").asText();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("operation", "login");
        form.put("username", username);
        form.put("accessKey", md5(token + accessKey.reveal()));
        JsonNode result = retry.call("login", true, () -> webservice.post("login", form));
        JsonNode admin = result.path("is_admin");
        apiUserAdmin = admin.isMissingNode() || admin.isNull() ? null : "on".equalsIgnoreCase(admin.asText());
        Session opened = new Session(result.path("sessionName").asText(), result.path("userId").asText());
        userId = opened.userId();
        open.add(opened);
        LOG.debug("logged in to VTiger as {} ({})", username, opened.userId());
        return opened;
    }

    /**
     * {@code session} is not to be logged out of: VTiger ended it, or a request on it went unanswered and may still
     * hold its lock (a logout would wait behind that request).
     */
    void forget(Session session) {
        open.remove(session);
    }

    /** The sessions opened and not forgotten, and forgets them: the caller logs out of them. */
    List<Session> takeOpen() {
        List<Session> taken = new ArrayList<>(open);
        open.removeAll(taken);
        return taken;
    }

    private static String md5(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by VTiger's login and missing from this JVM", e);
        }
    }
}
