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

    Map<String, Object> challenge(String userName) {
        SessionRegistry.Challenge c = ctx.sessions().challenge(userName, ctx.now());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", c.token());
        out.put("serverTime", c.issued().getEpochSecond());
        out.put("expireTime", c.expires().getEpochSecond());
        return out;
    }

    /** Returns the session answer and remembers the session. */
    Map<String, Object> login(String userName, String accessKeyHash) {
        StoredRecord user = ctx.store().userByName(userName).orElseThrow(VtigerError::invalidCredentials);
        String token = ctx.sessions().activeToken(userName, ctx.now()).orElseThrow(VtigerError::invalidToken);
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
        Map<String, Object> out = new LinkedHashMap<>();
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
