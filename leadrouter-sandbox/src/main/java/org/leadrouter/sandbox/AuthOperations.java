package org.leadrouter.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** getchallenge and login: the md5(token + accessKey) handshake that opens a session. */
final class AuthOperations {

    static final String API_VERSION = "0.22";
    static final String VTIGER_VERSION = "8.1.0";

    private final SandboxContext ctx;

    AuthOperations(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** An unknown user is refused here already; an inactive one gets a token (and is refused at login). */
    Map<String, Object> challenge(String userName) {
        if (userName == null || userName.isEmpty()) {
            throw VtigerError.accessDenied("No username given");
        }
        StoredRecord user = ctx.store().userByName(userName)
                .orElseThrow(() -> VtigerError.accessDenied("username does not exists"));
        SessionRegistry.Challenge c = ctx.sessions().challenge(user.crmid(), ctx.now());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", c.token());
        out.put("serverTime", c.issued().getEpochSecond());
        out.put("expireTime", c.expires().getEpochSecond());
        return out;
    }

    /**
     * Returns the session answer and opens a new session; the user's other sessions stay valid. Without a live
     * challenge for the user (an unknown user never has one) the answer is INVALID_AUTH_TOKEN.
     */
    Map<String, Object> login(String userName, String accessKeyHash) {
        StoredRecord user = ctx.store().userByName(userName).orElseThrow(VtigerError::invalidToken);
        String token = ctx.sessions().activeToken(user.crmid(), ctx.now()).orElseThrow(VtigerError::invalidToken);
        String accessKey = user.get("accesskey");
        if (accessKey.isEmpty()) {
            throw new VtigerError("ACCESSKEY_UNDEFINED", "Access key for the user is undefined");
        }
        // strcmp in VTiger: exact, lower-case hex only.
        if (!md5Hex(token + accessKey).equals(accessKeyHash)) {
            throw VtigerError.invalidCredentials();
        }
        // 8.x answers an inactive user like a wrong key, to avoid user enumeration.
        if ("Inactive".equalsIgnoreCase(user.get("status"))) {
            throw VtigerError.invalidCredentials();
        }
        String session = ctx.sessions().open(user.crmid(), ctx.now());
        return sessionAnswer(session, user);
    }

    /** extendsession on a live session: the same session, answered like a login. */
    Map<String, Object> extend(String sessionName) {
        StoredRecord user = ctx.sessions().userOf(sessionName)
                .flatMap(id -> ctx.store().find(ctx.schemas().get(ModuleSchemas.USERS), id))
                .orElseThrow(() -> new VtigerError("AUTHENTICATION_FAILURE", "Authencation Failed"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionName", sessionName);
        out.put("userId", user.get("id"));
        out.put("version", API_VERSION);
        out.put("vtigerVersion", VTIGER_VERSION);
        return out;
    }

    /** The login answer of 8.1: the user's details, then the session. */
    private static Map<String, Object> sessionAnswer(String session, StoredRecord user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.get("user_name"));
        out.put("first_name", user.get("first_name"));
        out.put("last_name", user.get("last_name"));
        out.put("email", user.get("email1"));
        out.put("time_zone", user.get("time_zone"));
        out.put("hour_format", "12");
        out.put("date_format", "yyyy-mm-dd");
        out.put("is_admin", user.get("is_admin"));
        out.put("call_duration", "5");
        out.put("other_event_duration", "5");
        out.put("sessionName", session);
        out.put("userId", user.get("id"));
        out.put("version", API_VERSION);
        out.put("vtigerVersion", VTIGER_VERSION);
        return out;
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }
}
