package org.leadrouter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

class VtigerHealthCheckTest {
    private static final Duration MS = Duration.ofMillis(5);
    private final VtigerHealthCheck check = new VtigerHealthCheck(Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC));

    @Test
    void isNamedLeadrouterVtigerAndIsAboutReadinessOnly() {
        assertThat(check.getGroup()).isEqualTo("leadrouter");
        assertThat(check.getId()).isEqualTo("vtiger");
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
    }

    @Test
    void anIdleDaemonThatHasNotCalledVtigerYetIsUp() {
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getMessage()).hasValue("no call to VTiger yet");
    }

    @Test
    void isDownWithAReasonWhileVtigerIsUnreachableAndUpAgainAfterASuccessfulCall() {
        check.called("login", "ok", MS);
        check.called("query", "unavailable", MS);

        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("unreachable").contains("query").contains("2026-03-02T09:30:00Z");
        assertThat(down.getDetails()).containsEntry("vtiger.last.outcome", "unavailable");

        check.called("query", "ok", MS);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aLogoutThatStockVtigerAnswersWith500SaysNothingAboutReachability() {
        check.called("query", "ok", MS);
        check.called("logout", "unavailable", MS);

        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aRefusedLoginStaysDownEvenWhenTheNextChallengeSucceeds() {
        check.called("getchallenge", "ok", MS);
        check.called("login", "INVALID_USER_CREDENTIALS", MS);
        assertThat(check.call().getMessage()).get().asString().contains("INVALID_USER_CREDENTIALS").contains("access key");

        check.called("getchallenge", "ok", MS);
        HealthCheck.Result stillDown = check.call();
        assertThat(stillDown.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stillDown.getMessage()).get().asString().contains("INVALID_USER_CREDENTIALS");

        check.called("login", "ok", MS);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void anUnknownUserRefusedAtGetchallengeIsARefusedLoginNamingTheSetting() {
        check.called("getchallenge", "ACCESS_DENIED", MS);
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("ACCESS_DENIED").contains("vtiger.username");
    }

    @Test
    void anExpiredChallengeTokenCountsAsARefusedLogin() {
        check.called("login", "INVALID_AUTH_TOKEN", MS);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void vtigerRefusingOneRequestIsNotAnOutage() {
        check.called("create", "ACCESS_DENIED", MS);
        check.called("query", "INVALID_SESSIONID", MS);
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("vtiger.last.operation", "query");
    }
}
