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

/** update, revise and delete on stored records. */
class WriteOperationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private VtigerSandbox sandbox;
    private SandboxClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder().clock(clock).apiUser("api", "k").advisor("ana", true)
                .lead(Map.of("id", "10x50", "lead_no", "LEA50", "firstname", "Ana", "lastname", "Gil", "phone", "600112233",
                        "assigned_user_id", "19x1", "createdtime", "2026-03-01 10:00:00"))
                .build());
        client = new SandboxClient(sandbox);
        session = client.login("api", "k");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void reviseChangesOnlyTheGivenFields() {
        clock.advance(Duration.ofMinutes(20));
        var answer = client.post(params("operation", "revise", "sessionName", session,
                "element", "{\"id\":\"10x50\",\"assigned_user_id\":\"19x2\"}"));
        assertThat(answer.success()).as(answer.body()).isTrue();
        assertThat(answer.result().get("assigned_user_id").asText()).isEqualTo("19x2");
        assertThat(answer.result().get("phone").asText()).isEqualTo("600112233");
        assertThat(answer.result().get("lead_no").asText()).isEqualTo("LEA50");
        assertThat(answer.result().get("createdtime").asText()).isEqualTo("2026-03-01 10:00:00");
        assertThat(answer.result().get("modifiedtime").asText()).isEqualTo("2026-04-01 08:20:00");
    }

    @Test
    void updateReplacesTheWholeRecord() {
        var answer = client.post(params("operation", "update", "sessionName", session,
                "element", "{\"id\":\"10x50\",\"lastname\":\"Gil\",\"assigned_user_id\":\"19x1\"}"));
        assertThat(answer.result().get("phone").asText()).isEmpty();
        assertThat(answer.result().get("firstname").asText()).isEmpty();
        var missing = client.post(params("operation", "update", "sessionName", session,
                "element", "{\"id\":\"10x50\",\"lastname\":\"Gil\"}"));
        assertThat(missing.errorCode()).isEqualTo("MANDATORY_FIELDS_MISSING");
    }

    @Test
    void deleteRemovesTheRecord() {
        var answer = client.post(params("operation", "delete", "sessionName", session, "id", "10x50"));
        assertThat(answer.result().get("status").asText()).isEqualTo("successful");
        assertThat(sandbox.records("Leads")).isEmpty();
        var again = client.post(params("operation", "delete", "sessionName", session, "id", "10x50"));
        assertThat(again.errorCode()).isEqualTo("RECORD_NOT_FOUND");
    }

    @Test
    void leadNumbersContinueAfterFixtureNumbers() {
        var created = client.create(session, "Leads", Map.of("lastname", "Nuevo", "assigned_user_id", "19x1"));
        assertThat(created.result().get("lead_no").asText()).isEqualTo("LEA51");
        assertThat(created.result().get("id").asText()).isEqualTo("10x51");
    }
}
