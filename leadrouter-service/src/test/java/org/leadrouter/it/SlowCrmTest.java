package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.sandbox.SandboxKnobs;
import org.leadrouter.sandbox.SandboxFaults;
import org.leadrouter.testing.Await;

/**
 * A create whose answer never came is never sent again while VTiger may still be working on it: it is looked up by
 * its import marker, and sent again only once {@code vtiger.create-settle-time} has passed without it appearing.
 */
class SlowCrmTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    @BeforeEach
    void configure() throws Exception {
        h.set("vtiger.read-timeout", "1s").set("vtiger.create-settle-time", "4s");
        h.set("vtiger.max-concurrency", "1"); // one create at a time: each test counts the creates sent
    }

    private Path twoLeads() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales",
                "Ana Gómez,ana@example.com,600654321,Salud,28/07/2025,Portales");
    }

    private Map<String, Long> leadsPerEmail() {
        return h.sandbox.records("Leads").stream()
                .collect(Collectors.groupingBy(l -> l.get("email"), Collectors.counting()));
    }

    @Test
    void aCreateSlowerThanTheReadTimeoutIsNeverSentTwice() throws Exception {
        h.knobs.slowCreates(1, Duration.ofMillis(2_500));
        Path csv = twoLeads();

        Harness.Run first = h.apply(csv);
        // the marker lookup that follows the timeout is answered at once, on another session (the create's is still
        // locked by VTiger working on it): the lead is not there yet, so the run stops saying when it may resend it
        assertThat(first.exitCode()).as(first.printed()).isEqualTo(3);
        assertThat(first.err()).contains("did not answer the create of row 2").doesNotContain("unreachable");
        Await.until("VTiger stored the slow lead", Duration.ofSeconds(10), () -> leadsPerEmail().size() == 1);
        Harness.Run second = h.apply(csv);

        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(second.column("Status")).containsExactly("created", "created");
        assertThat(second.out()).as("the lead found by its marker counts in its pool too").contains("default: 2 created");
        assertThat(h.sandbox.calls("create")).isEqualTo(2);
        assertThat(leadsPerEmail()).isEqualTo(Map.of("juan@example.com", 1L, "ana@example.com", 1L));
    }

    @Test
    void theMarkerLookupAfterALostCreateDoesNotWaitBehindTheCreateVtigerIsStillWorkingOn() throws Exception {
        // longer than the lookup's read timeouts and retries put together, on one session
        h.knobs.slowCreates(1, Duration.ofSeconds(8));

        Harness.Run first = h.apply(twoLeads());

        assertThat(first.exitCode()).as(first.printed()).isEqualTo(3);
        assertThat(first.err()).as("the lookup was answered: VTiger does not show the lead yet")
                .contains("did not answer the create of row 2").contains("not sent again before")
                .doesNotContain("unreachable");
        assertThat(h.sandbox.calls("create")).isEqualTo(1);
    }

    @Test
    void aLostCreateIsSentAgainOnlyAfterTheSettleTimeAndWhenStillAbsent() throws Exception {
        h.knobs.timeoutHold(Duration.ofMillis(1_500));
        h.knobs.failNext("create", 1, SandboxFaults.Failure.TIMEOUT);
        Path csv = twoLeads();

        Harness.Run first = h.apply(csv);
        Harness.Run tooEarly = h.apply(csv);

        assertThat(first.exitCode()).as(first.printed()).isEqualTo(3);
        assertThat(tooEarly.exitCode()).as(tooEarly.printed()).isEqualTo(3);
        assertThat(h.sandbox.calls("create")).as("not sent again within the settle time").isEqualTo(1);
        Matcher notBefore = Pattern.compile("not sent again before (\\S+) \\(").matcher(tooEarly.err());
        assertThat(notBefore.find()).as(tooEarly.err()).isTrue();
        Instant settledAt = Instant.parse(notBefore.group(1));
        Await.until("the settle time passed", Duration.ofSeconds(15), () -> Instant.now().isAfter(settledAt));

        Harness.Run settled = h.apply(csv);

        assertThat(settled.exitCode()).as(settled.printed()).isZero();
        assertThat(settled.column("Status")).containsExactly("created", "created");
        assertThat(leadsPerEmail()).isEqualTo(Map.of("juan@example.com", 1L, "ana@example.com", 1L));
    }

    @Test
    void aSettleTimeNotLongerThanTheReadTimeoutIsAConfigurationError() throws Exception {
        h.set("vtiger.create-settle-time", "1s");

        Harness.Run run = h.apply(twoLeads());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("vtiger.create-settle-time");
    }

}
