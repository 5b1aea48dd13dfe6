package org.leadrouter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading fixtures: JSON files, the demo data, generated data and relative times. */
class FixtureTest {

    @Test
    void fixtureFileIsLoadedWithRelativeTimesAndGlobalCrmids(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("fixture.json");
        Files.writeString(json, """
                {"serverTimezone": "America/Mexico_City",
                 "typeIds": {"Leads": 10, "Contacts": 12, "Users": 19, "Groups": 20},
                 "users": [{"id": "19x1", "user_name": "admin", "is_admin": "on", "status": "Active", "accesskey": "k"}],
                 "leads": [{"id": "10x101", "lastname": "Pérez", "createdtime": "now-PT2H", "assigned_user_id": "19x1"},
                           {"lastname": "Sin Id", "assigned_user_id": "19x1"},
                           {"lastname": "Convertido", "converted": "1", "assigned_user_id": "19x1"}],
                 "contacts": [{"lastname": "Contacto", "assigned_user_id": "19x1"}]}
                """);
        SandboxFixture fixture = SandboxFixture.load(json).toBuilder()
                .clock(Clock.fixed(Instant.parse("2026-05-05T12:00:00Z"), ZoneOffset.UTC)).build();
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, fixture)) {
            List<Map<String, String>> leads = sandbox.records("Leads");
            assertThat(leads).extracting(l -> l.get("id")).containsExactly("10x101", "10x102", "10x103");
            // 10:00 UTC is 04:00 in Mexico City (UTC-6)
            assertThat(leads.get(0)).containsEntry("createdtime", "2026-05-05 04:00:00").containsEntry("converted", "0");
            assertThat(leads.get(1).get("createdtime")).isEqualTo(FixtureSeeder.OLD_DATE);
            assertThat(leads.get(2)).containsEntry("converted", "1");
            assertThat(sandbox.records("Contacts").get(0)).containsEntry("id", "12x104");
        }
    }

    @Test
    void demoFixtureHasTheAdvertisedUsersAndCollisions() throws Exception {
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, SandboxFixture.demo())) {
            SandboxClient client = new SandboxClient(sandbox);
            String session = client.login("admin", "sandbox-demo-key");
            var users = client.query(session, "SELECT user_name, is_admin FROM Users ORDER BY user_name;");
            assertThat(users.result().findValuesAsText("user_name")).containsExactly(
                    "admin", "asesor.ana", "asesor.juan", "asesor.luis", "asesor.marta", "director");
            var laura = client.query(session, "SELECT id FROM Leads WHERE phone = '611-223-344';");
            assertThat(laura.result()).hasSize(1);
            var carlos = client.query(session, "SELECT id FROM Contacts WHERE secondaryemail = 'carlos.ruiz@example.com';");
            assertThat(carlos.result()).hasSize(1);
            ZoneId zone = SandboxFixture.demo().serverTimezone();
            // leads created in the last hours (dated relative to now, so they are today's load during the working day;
            // in the first minutes after midnight they are yesterday's, so the test asks for the hours, not the date)
            String fourHoursAgo = LocalDateTime.now(zone).minusHours(4).withNano(0).toString().replace('T', ' ');
            var recent = client.query(session, "SELECT count(*) FROM Leads WHERE createdtime >= '" + fourHoursAgo + "';");
            assertThat(Integer.parseInt(recent.result().get(0).get("count").asText())).isEqualTo(8);
            assertThat(sandbox.records("Leads")).hasSizeGreaterThanOrEqualTo(30)
                    .anySatisfy(l -> assertThat(l).containsEntry("converted", "1"));
            assertThat(sandbox.records("Contacts")).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void generatedFixtureIsReproducibleAndNeverCreatedToday() throws Exception {
        SandboxFixture a = SandboxFixture.generated(500, 50, 42);
        SandboxFixture b = SandboxFixture.generated(500, 50, 42);
        assertThat(a.leads()).isEqualTo(b.leads()).hasSize(500);
        assertThat(a.contacts()).hasSize(50);
        assertThat(a.leads()).extracting(l -> l.getOrDefault("phone", l.get("mobile")))
                .anyMatch(p -> p.startsWith("+34 "))
                .anyMatch(p -> p.startsWith("0034"))
                .anyMatch(p -> p.contains("-"))
                .anyMatch(p -> p.matches("\\d{9}"));
        try (VtigerSandbox sandbox = VtigerSandbox.start(0, a)) {
            String today = LocalDate.now(a.serverTimezone()).toString();
            assertThat(sandbox.records("Leads")).hasSize(500)
                    .allSatisfy(l -> assertThat(l.get("createdtime")).doesNotStartWith(today));
        }
    }
}
