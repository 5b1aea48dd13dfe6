package org.leadrouter.it;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.leadrouter.sandbox.SandboxFixture;

/** The CRM the integration tests start from: an API admin, four advisors, an inactive user and a second admin. */
final class CrmFixtures {
    static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Madrid");
    static final String API_USER = "api.leadrouter";
    static final String ACCESS_KEY = "Zq7xK2pLm9TsWv4B";

    static final String ANA = "19x5";
    static final String BEA = "19x6";
    static final String CARLOS = "19x7";
    static final String DANI = "19x8";
    static final String EVA_INACTIVE = "19x9";
    static final String API_ID = "19x1";
    static final String DIRECTOR_ADMIN = "19x2";

    private CrmFixtures() {
    }

    /** Users only; tests add the leads and contacts their scenario needs. */
    static SandboxFixture.Builder academy() {
        return SandboxFixture.builder()
                .serverTimezone(SERVER_ZONE)
                .user(user("1", API_USER, "API", true, true, ACCESS_KEY))
                .user(user("2", "director", "Dirección", true, true, "director-key"))
                .user(user("5", "asesor.ana", "Ana", false, true, "ana-key"))
                .user(user("6", "asesor.bea", "Bea", false, true, "bea-key"))
                .user(user("7", "asesor.carlos", "Carlos", false, true, "carlos-key"))
                .user(user("8", "asesor.dani", "Dani", false, true, "dani-key"))
                .user(user("9", "asesor.eva", "Eva", false, false, "eva-key"));
    }

    static Map<String, String> user(String id, String userName, String firstName, boolean admin, boolean active,
                                    String accessKey) {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("id", "19x" + id);
        u.put("user_name", userName);
        u.put("first_name", firstName);
        u.put("last_name", userName);
        u.put("email1", userName + "@academia.example");
        u.put("is_admin", admin ? "on" : "off");
        u.put("status", active ? "Active" : "Inactive");
        u.put("accesskey", accessKey);
        return u;
    }

    /** A record from alternating key/value strings. */
    static Map<String, String> record(String... keyValues) {
        Map<String, String> r = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            r.put(keyValues[i], keyValues[i + 1]);
        }
        return r;
    }

    /** An old lead (created days ago) owned by {@code owner}. */
    static Map<String, String> oldLead(String owner, String lastname, String... more) {
        Map<String, String> r = record(more);
        r.put("lastname", lastname);
        r.put("assigned_user_id", owner);
        r.putIfAbsent("createdtime", "now-P3D");
        return r;
    }

    /** A lead created today (in the server's time zone) owned by {@code owner}. */
    static Map<String, String> leadToday(String owner, String lastname) {
        return record("lastname", lastname, "assigned_user_id", owner, "createdtime", "now");
    }
}
