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
        h.sandbox.knobs().slowCreates(1, Duration.ofMillis(2_500));
        Path csv = twoLeads();

        Harness.Run first = h.apply(csv);
        // the create's session stays busy until VTiger has stored the lead (one request at a time per session, as
        // PHP locks it), so the marker lookup that follows the timeout finds it there: it is reported, not resent
        Harness.Run second = first.exitCode() == 0 ? first : h.apply(csv);

        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(second.column("Status")).containsExactly("created", "created");
        assertThat(h.sandbox.calls("create")).isEqualTo(2);
        assertThat(leadsPerEmail()).isEqualTo(Map.of("juan@example.com", 1L, "ana@example.com", 1L));
    }

    @Test
    void aLostCreateIsSentAgainOnlyAfterTheSettleTimeAndWhenStillAbsent() throws Exception {
        h.sandbox.knobs().timeoutHold(Duration.ofMillis(1_500));
        h.sandbox.knobs().failNext("create", 1, SandboxKnobs.Failure.TIMEOUT);
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
