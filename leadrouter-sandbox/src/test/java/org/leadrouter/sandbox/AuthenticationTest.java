package org.leadrouter.sandbox;

import org.leadrouter.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.sandbox.SandboxClient.params;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Challenge, login and session lifetimes, and the protocol-level answers of webservice.php. */
class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    private VtigerSandbox sandbox;
    private final SandboxKnobs knobs = new SandboxKnobs();
    private SandboxClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder()
                .clock(clock)
                .apiUser("api", "secretKey")
                .advisor("ana", true)
                .advisor("pedro", false)
                .build(), knobs);
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void challengeThenLoginOpensASession() {
        var challenge = client.get(params("operation", "getchallenge", "username", "api"));
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.result().get("token").asText()).matches("[0-9a-f]{13}");
        assertThat(challenge.result().get("serverTime").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(challenge.result().get("expireTime").asLong()).isEqualTo(clock.instant().getEpochSecond() + 300);

        String token = challenge.result().get("token").asText();
        var login = client.post(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex(token + "secretKey")));
        assertThat(login.success()).isTrue();
        assertThat(login.result().get("sessionName").asText()).isNotBlank();
        assertThat(login.result().get("userId").asText()).isEqualTo("19x1");
        assertThat(login.result().get("version").asText()).isEqualTo("0.22");
        assertThat(login.result().get("vtigerVersion").asText()).isEqualTo("8.1.0");
    }

    @Test
    void wrongAccessKeyIsInvalidCredentials() {
        var answer = client.tryLogin("api", "notTheKey");
        assertThat(answer.errorCode()).isEqualTo("INVALID_USER_CREDENTIALS");
        assertThat(answer.errorMessage()).isEqualTo("Invalid username or password");
    }

    @Test
    void inactiveUserWithRightKeyIsInvalidCredentials() {
        assertThat(client.tryLogin("pedro", "pedro-key").errorCode()).isEqualTo("INVALID_USER_CREDENTIALS");
    }

    @Test
    void unknownUserIsRefusedAtGetchallenge() {
        var answer = client.get(params("operation", "getchallenge", "username", "nobody"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(answer.errorMessage()).isEqualTo("username does not exists");
    }

    @Test
    void inactiveUserGetsAChallengeButNoSession() {
        assertThat(client.get(params("operation", "getchallenge", "username", "pedro")).success()).isTrue();
    }

    @Test
    void getchallengeSentAsPostFindsNoUsername() {
        var answer = client.post(params("operation", "getchallenge", "username", "api"));
        assertThat(answer.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(answer.errorMessage()).isEqualTo("No username given");
    }

    @Test
    void loginWithoutChallengeIsInvalidAuthToken() {
        var answer = client.post(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex("whatever" + "secretKey")));
        assertThat(answer.errorCode()).isEqualTo("INVALID_AUTH_TOKEN");
        var unknown = client.post(params("operation", "login", "username", "nobody", "accessKey", "x"));
        assertThat(unknown.errorCode()).isEqualTo("INVALID_AUTH_TOKEN");
    }

    @Test
    void loginAnswerCarriesTheUsersDetails() {
        var login = client.tryLogin("api", "secretKey");
        assertThat(login.result().get("username").asText()).isEqualTo("api");
        assertThat(login.result().get("email").asText()).isEqualTo("api@example.com");
        assertThat(login.result().get("is_admin").asText()).isEqualTo("on");
        assertThat(login.result().get("time_zone").asText()).isEqualTo("UTC");
    }

    @Test
    void severalSessionsOfOneUserOpenedOneAfterAnotherAllStayValid() {
        String first = client.login("api", "secretKey");
        String second = client.login("api", "secretKey");
        String third = client.login("api", "secretKey");
        assertThat(java.util.Set.of(first, second, third)).hasSize(3);
        for (String session : java.util.List.of(first, second, third)) {
            assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
        }
    }

    @Test
    void extendSessionAnswersTheSameLiveSession() {
        String session = client.login("api", "secretKey");
        var extended = client.post(params("operation", "extendsession", "sessionName", session));
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.success()).isTrue();
        assertThat(extended.result().get("sessionName").asText()).isEqualTo(session);
        assertThat(extended.result().get("userId").asText()).isEqualTo("19x1");
        assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
        var without = client.post(params("operation", "extendsession"));
        assertThat(without.errorCode()).isEqualTo("AUTHENTICATION_FAILURE");
    }

    @Test
    void tokenCanBeReusedWithinFiveMinutes() {
        String token = client.get(params("operation", "getchallenge", "username", "api")).result().get("token").asText();
        String hash = AuthOperations.md5Hex(token + "secretKey");
        assertThat(client.post(params("operation", "login", "username", "api", "accessKey", hash)).success()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(client.post(params("operation", "login", "username", "api", "accessKey", hash)).success()).isTrue();
    }

    @Test
    void tokenExpiresAfterFiveMinutes() {
        String token = client.get(params("operation", "getchallenge", "username", "api")).result().get("token").asText();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        var login = client.post(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex(token + "secretKey")));
        assertThat(login.errorCode()).isEqualTo("INVALID_AUTH_TOKEN");
        assertThat(login.errorMessage()).isEqualTo("Specified token is invalid or expired");
    }

    @Test
    void newChallengeReplacesThePreviousToken() {
        String first = client.get(params("operation", "getchallenge", "username", "api")).result().get("token").asText();
        String second = client.get(params("operation", "getchallenge", "username", "api")).result().get("token").asText();
        assertThat(second).isNotEqualTo(first);
        var withOld = client.post(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex(first + "secretKey")));
        assertThat(withOld.errorCode()).isEqualTo("INVALID_USER_CREDENTIALS");
        var withNew = client.post(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex(second + "secretKey")));
        assertThat(withNew.success()).isTrue();
    }

    @Test
    void sessionLivesUntilItsFileIsGoneHoweverLongItIsIdleOrOld() {
        String session = client.login("api", "secretKey");
        clock.advance(Duration.ofHours(3));
        assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
    }

    @Test
    void sessionRemovedByGarbageCollectionIsInvalidSessionId() {
        knobs.dropSessionsIdleFor(Duration.ofMinutes(24));
        String session = client.login("api", "secretKey");
        clock.advance(Duration.ofMinutes(23));
        assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
        clock.advance(Duration.ofMinutes(25));
        assertThat(client.query(session, "SELECT id FROM Users;").errorCode()).isEqualTo("INVALID_SESSIONID");
    }

    @Test
    void userWhoIsNotAnAdminCannotReadUsers() {
        String session = client.login("ana", "ana-key");
        var users = client.query(session, "SELECT id, user_name FROM Users;");
        assertThat(users.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(users.errorMessage()).isEqualTo("Permission to perform the operation is denied");
        assertThat(client.query(session, "SELECT id FROM Leads;").success()).isTrue();
    }

    @Test
    void unknownSessionIsInvalidSessionId() {
        var answer = client.query("0123456789abcdef0123456789", "SELECT id FROM Users;");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).isEqualTo("INVALID_SESSIONID");
        assertThat(answer.errorMessage()).isEqualTo("Session Identifier provided is Invalid");
    }

    @Test
    void missingSessionIsAuthenticationRequired() {
        var answer = client.get(params("operation", "query", "query", "SELECT id FROM Users;"));
        assertThat(answer.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void unknownOperationIsHttp500WithEmptyBody() {
        String session = client.login("api", "secretKey");
        var answer = client.get(params("operation", "frobnicate", "sessionName", session));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void createSentAsGetIsAccessDenied() {
        String session = client.login("api", "secretKey");
        var answer = client.get(params("operation", "create", "sessionName", session, "elementType", "Leads",
                "element", "{\"lastname\":\"X\",\"assigned_user_id\":\"19x1\"}"));
        assertThat(answer.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(sandbox.records("Leads")).isEmpty();
    }

    @Test
    void loginSentAsGetIsInvalidAuthToken() {
        String token = client.get(params("operation", "getchallenge", "username", "api")).result().get("token").asText();
        var answer = client.get(params("operation", "login", "username", "api",
                "accessKey", AuthOperations.md5Hex(token + "secretKey")));
        assertThat(answer.errorCode()).isEqualTo("INVALID_AUTH_TOKEN");
    }

    @Test
    void syncAndLogoutAreBrokenOnPhp8() {
        String session = client.login("api", "secretKey");
        var sync = client.get(params("operation", "sync", "sessionName", session, "modifiedTime", "0", "elementType", "Leads"));
        var logout = client.post(params("operation", "logout", "sessionName", session));
        assertThat(sync.status()).isEqualTo(500);
        assertThat(sync.body()).isEmpty();
        assertThat(logout.status()).isEqualTo(500);
        assertThat(logout.body()).isEmpty();
        // logout never ran, so the session is still alive
        assertThat(client.query(session, "SELECT id FROM Users;").success()).isTrue();
    }

    @Test
    void answersAreJsonWrittenLikePhp() {
        String session = client.login("api", "secretKey");
        var answer = client.query(session, "SELECT email1 FROM Users WHERE user_name = 'api';");
        assertThat(answer.body()).contains("api@example.com").startsWith("{\"success\":true,\"result\":[");
        sandbox.addRecord("Users", Map.of("user_name", "josé", "last_name", "Pérez", "email1", "j/p@example.com",
                "status", "Active"));
        var accented = client.query(session, "SELECT last_name, email1 FROM Users WHERE user_name = 'josé';");
        assertThat(accented.body()).contains("P\\u00e9rez").contains("j\\/p@example.com");
        assertThat(accented.result().get(0).get("last_name").asText()).isEqualTo("Pérez");
    }
}
