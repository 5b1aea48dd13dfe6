package org.leadrouter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The sandbox asks its fault hook at each request, and without one serves as a stock VTiger (the demo's case). */
class FaultHookTest {

    @Test
    void eachRequestAsksTheHookAndARefusedCreateAnswersItsError() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        SandboxFaults refuseSpam = new SandboxFaults() {
            @Override
            public Optional<Failure> failure(String operation) {
                asked.add(operation);
                return Optional.empty();
            }

            @Override
            public Optional<Refusal> refuseCreate(Map<String, String> element) {
                return element.getOrDefault("email", "").endsWith("@spam.test")
                        ? Optional.of(new Refusal("DUPLICATE_RECORD", "Duplicate record found")) : Optional.empty();
            }
        };
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture(), refuseSpam)) {
            SandboxClient client = new SandboxClient(sandbox);
            String session = client.login("api", "k");
            var refused = client.create(session, "Leads", Map.of("lastname", "S", "email", "a@spam.test",
                    "assigned_user_id", "19x2"));
            assertThat(refused.errorCode()).isEqualTo("DUPLICATE_RECORD");
            assertThat(asked).containsExactly("getchallenge", "login", "create");
            assertThat(sandbox.records("Leads")).isEmpty();
        }
    }

    @Test
    void withoutAHookNothingIsDelayedFailedOrRefused() throws Exception {
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture())) {
            SandboxClient client = new SandboxClient(sandbox);
            String session = client.login("api", "k");
            for (int i = 0; i < 20; i++) {
                assertThat(client.create(session, "Leads", Map.of("lastname", "L" + i, "email", i + "@spam.test",
                        "assigned_user_id", "19x2")).success()).isTrue();
            }
            assertThat(sandbox.records("Leads")).hasSize(20);
        }
    }

    private static SandboxFixture fixture() {
        return SandboxFixture.builder().apiUser("api", "k").advisor("ana", true).build();
    }
}
