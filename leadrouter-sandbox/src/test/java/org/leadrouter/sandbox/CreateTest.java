package org.leadrouter.sandbox;

import org.leadrouter.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrouter.sandbox.SandboxClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The create operation as an admin API user sees it, plus describe and retrieve. */
class CreateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T22:30:00Z"));
    private VtigerSandbox sandbox;
    private SandboxClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        sandbox = VtigerSandbox.start(0, SandboxFixture.builder()
                .serverTimezone(ZoneId.of("Europe/Madrid"))
                .clock(clock)
                .apiUser("api", "k")
                .advisor("ana", true)
                .advisor("pedro", false)
                .group(Map.of("id", "20x4", "groupname", "Ventas"))
                .contact(Map.of("id", "12x40", "lastname", "Existing", "assigned_user_id", "19x2"))
                .build());
        client = new SandboxClient(sandbox);
        session = client.login("api", "k");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createReturnsTheFullStoredRecord() {
        var answer = client.create(session, "Leads", Map.of("firstname", "Laura", "lastname", "Martín",
                "email", "laura.martin@example.com", "phone", "+34 611 22 33 44", "assigned_user_id", "19x2",
                "leadsource", "Feria de Abril"));
        assertThat(answer.success()).as(answer.body()).isTrue();
        JsonNode lead = answer.result();
        assertThat(lead.get("id").asText()).isEqualTo("10x41");
        assertThat(lead.get("lead_no").asText()).isEqualTo("LEA1");
        assertThat(lead.get("lastname").asText()).isEqualTo("Martín");
        assertThat(lead.get("leadsource").asText()).isEqualTo("Feria de Abril");
        assertThat(lead.get("company").asText()).isEmpty();
        lead.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        var found = client.query(session, "SELECT id FROM Leads WHERE email = 'laura.martin@example.com';");
        assertThat(found.result().get(0).get("id").asText()).isEqualTo("10x41");
    }

    @Test
    void createdTimeIsNowInTheServerTimezone() {
        JsonNode lead = client.create(session, "Leads", Map.of("lastname", "X", "assigned_user_id", "19x2")).result();
        // 22:30 UTC in July is 00:30 the next day in Madrid
        assertThat(lead.get("createdtime").asText()).isEqualTo("2026-07-02 00:30:00");
        assertThat(lead.get("modifiedtime").asText()).isEqualTo("2026-07-02 00:30:00");
    }

    @Test
    void missingLastnameIsMandatoryFieldsMissing() {
        var answer = client.create(session, "Leads", Map.of("firstname", "Solo", "assigned_user_id", "19x2"));
        assertThat(answer.errorCode()).isEqualTo("MANDATORY_FIELDS_MISSING");
        assertThat(answer.errorMessage()).isEqualTo("lastname does not have a value");
        var empty = client.create(session, "Leads", Map.of("lastname", "", "assigned_user_id", "19x2"));
        assertThat(empty.errorCode()).isEqualTo("MANDATORY_FIELDS_MISSING");
    }

    @Test
    void missingOwnerIsMandatoryFieldsMissing() {
        var answer = client.create(session, "Leads", Map.of("lastname", "Nadie"));
        assertThat(answer.errorMessage()).isEqualTo("assigned_user_id does not have a value");
    }

    @Test
    void valuesAreSilentlyCutToTheColumnLength() {
        JsonNode lead = client.create(session, "Leads", Map.of("firstname", "F".repeat(60), "lastname", "L".repeat(100),
                "email", "e".repeat(120), "phone", "6".repeat(70), "assigned_user_id", "19x2")).result();
        assertThat(lead.get("firstname").asText()).hasSize(40);
        assertThat(lead.get("lastname").asText()).hasSize(80);
        assertThat(lead.get("email").asText()).hasSize(100);
        assertThat(lead.get("phone").asText()).hasSize(50);
    }

    @Test
    void emojiAreStoredAsQuestionMarks() {
        JsonNode lead = client.create(session, "Leads", Map.of("firstname", "Ana 😀", "lastname", "Sol☀",
                "assigned_user_id", "19x2")).result();
        assertThat(lead.get("firstname").asText()).isEqualTo("Ana ????");
        assertThat(lead.get("lastname").asText()).isEqualTo("Sol☀");
    }

    @Test
    void jsonEscapesAndRawUtf8BothArriveIntact() {
        var answer = client.post(params("operation", "create", "sessionName", session, "elementType", "Leads",
                "element", "{\"firstname\":\"Jos\\u00e9 \\\"Pepe\\\"\",\"lastname\":\"Núñez\",\"assigned_user_id\":\"19x2\"}"));
        assertThat(answer.result().get("firstname").asText()).isEqualTo("José \"Pepe\"");
        assertThat(answer.result().get("lastname").asText()).isEqualTo("Núñez");
    }

    @Test
    void adminCreateDoesNotValidateTheOwner() {
        var inactive = client.create(session, "Leads", Map.of("lastname", "A", "assigned_user_id", "19x3"));
        assertThat(inactive.result().get("assigned_user_id").asText()).isEqualTo("19x3");
        var group = client.create(session, "Leads", Map.of("lastname", "B", "assigned_user_id", "20x4"));
        assertThat(group.result().get("assigned_user_id").asText()).isEqualTo("20x4");
    }

    @Test
    void ownerPrefixIsRecomputedOnTheWayOut() {
        // VTiger stores only the number and looks it up among groups, then users.
        var answer = client.create(session, "Leads", Map.of("lastname", "C", "assigned_user_id", "19x4"));
        assertThat(answer.result().get("assigned_user_id").asText()).isEqualTo("20x4");
    }

    @Test
    void nonExistentOwnerIsStoredAsItsNumberAndReadBack() {
        var answer = client.create(session, "Leads", Map.of("lastname", "Huérfano", "assigned_user_id", "19x999"));
        assertThat(answer.success()).isTrue();
        assertThat(answer.result().get("assigned_user_id").asText()).isEqualTo("19x999");
        assertThat(client.query(session, "SELECT * FROM Leads;").result().get(0).get("assigned_user_id").asText())
                .isEqualTo("19x999");
    }

    @Test
    void ownerWithoutTypePrefixIsReplacedByTheApiUser() {
        var answer = client.create(session, "Leads", Map.of("lastname", "Sin prefijo", "assigned_user_id", "5"));
        assertThat(answer.result().get("assigned_user_id").asText()).isEqualTo("19x1");
    }

    @Test
    void elementThatIsNotJsonIsMandatoryFieldsMissing() {
        var answer = client.post(params("operation", "create", "sessionName", session, "elementType", "Leads",
                "element", "lastname=X"));
        assertThat(answer.errorCode()).isEqualTo("MANDATORY_FIELDS_MISSING");
        assertThat(sandbox.records("Leads")).isEmpty();
    }

    @Test
    void createAnswerIsTheWholeRecordWithItsLabel() {
        var answer = client.create(session, "Leads", Map.of("firstname", "Ana", "lastname", "Gil", "assigned_user_id", "19x1"));
        assertThat(answer.result().size()).isEqualTo(35);
        assertThat(answer.result().get("label").asText()).isEqualTo("Ana Gil");
        assertThat(answer.result().get("source").asText()).isEqualTo("WEBSERVICE");
        assertThat(answer.result().get("website").asText()).isEmpty();
    }

    @Test
    void describeLeadsListsTheThirtyFourStandardFieldsAndRefusesDuplicates() {
        var answer = client.get(params("operation", "describe", "sessionName", session, "elementType", "Leads"));
        List<String> names = new java.util.ArrayList<>();
        answer.result().get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).hasSize(34)
                .contains("website", "industry", "annualrevenue", "rating", "noofemployees", "emailoptout", "source",
                        "state", "pobox", "tags", "leadsource", "firstname", "lastname");
        assertThat(answer.result().get("allowDuplicates").asBoolean()).isFalse();
        var all = client.create(session, "Leads", Map.of("lastname", "T", "industry", "Education", "assigned_user_id", "19x1"));
        assertThat(client.query(session, "SELECT * FROM Leads;").result().get(0).size()).isEqualTo(34);
        assertThat(client.query(session, "SELECT industry FROM Leads WHERE industry = 'Education';").result()).hasSize(1);
        assertThat(all.success()).isTrue();
    }

    @Test
    void valuesAreCutSilentlyToTheirColumnAndBackslashesKept() {
        String source = "S".repeat(230);
        var answer = client.create(session, "Leads", Map.of("lastname", "C:\\temp\\x", "leadsource", source,
                "firstname", "Ana \uD83D\uDE00", "assigned_user_id", "19x1"));
        assertThat(answer.result().get("leadsource").asText()).hasSize(200);
        assertThat(answer.result().get("lastname").asText()).isEqualTo("C:\\temp\\x");
        assertThat(answer.result().get("firstname").asText()).isEqualTo("Ana ????");
        assertThat(client.query(session, "SELECT id FROM Leads WHERE lastname = 'C:\\\\temp\\\\x';").result()).hasSize(1);
    }

    @Test
    void unknownModuleIsNamedInTheRefusal() {
        var answer = client.create(session, "Potatoes", Map.of("lastname", "X"));
        assertThat(answer.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(answer.errorMessage()).isEqualTo("Permission to perform the operation is denied for name : Potatoes");
    }

    @Test
    void contactsGetTheirOwnNumbering() {
        JsonNode contact = client.create(session, "Contacts", Map.of("lastname", "Ruiz", "secondaryemail",
                "Carlos.Ruiz@Example.com", "assigned_user_id", "19x2")).result();
        assertThat(contact.get("id").asText()).isEqualTo("12x41");
        assertThat(contact.get("contact_no").asText()).startsWith("CON");
        assertThat(contact.get("secondaryemail").asText()).isEqualTo("Carlos.Ruiz@Example.com");
    }

    @Test
    void unknownElementTypeIsAccessDenied() {
        assertThat(client.create(session, "Potatoes", Map.of("lastname", "X")).errorCode()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void describeGivesFieldsAndTheTypeIdPrefix() {
        var answer = client.get(params("operation", "describe", "sessionName", session, "elementType", "Leads"));
        JsonNode leads = answer.result();
        assertThat(leads.get("name").asText()).isEqualTo("Leads");
        assertThat(leads.get("idPrefix").asText()).isEqualTo("10");
        assertThat(leads.get("createable").asBoolean()).isTrue();
        assertThat(leads.get("labelFields").asText()).isEqualTo("firstname,lastname");
        JsonNode lastname = null;
        for (JsonNode f : leads.get("fields")) {
            if ("lastname".equals(f.get("name").asText())) {
                lastname = f;
            }
        }
        assertThat(lastname).isNotNull();
        assertThat(lastname.get("mandatory").asBoolean()).isTrue();
        assertThat(lastname.get("type").get("name").asText()).isEqualTo("string");
    }

    @Test
    void typeIdsComeFromTheFixture() throws Exception {
        try (VtigerSandbox other = VtigerSandbox.start(0, SandboxFixture.builder()
                .typeId("Leads", 2).typeId("Users", 7).apiUser("api", "k").build())) {
            SandboxClient c = new SandboxClient(other);
            String s = c.login("api", "k");
            var describe = c.get(params("operation", "describe", "sessionName", s, "elementType", "Leads"));
            assertThat(describe.result().get("idPrefix").asText()).isEqualTo("2");
            var lead = c.create(s, "Leads", Map.of("lastname", "X", "assigned_user_id", "7x1"));
            assertThat(lead.result().get("id").asText()).startsWith("2x");
            assertThat(c.query(s, "SELECT id FROM Users;").result().get(0).get("id").asText()).isEqualTo("7x1");
        }
    }

    @Test
    void retrieveFindsARecordById() {
        var answer = client.get(params("operation", "retrieve", "sessionName", session, "id", "12x40"));
        assertThat(answer.result().get("lastname").asText()).isEqualTo("Existing");
        var missing = client.get(params("operation", "retrieve", "sessionName", session, "id", "12x999"));
        assertThat(missing.errorCode()).isEqualTo("ACCESS_DENIED");
        client.post(params("operation", "delete", "sessionName", session, "id", "12x40"));
        var deleted = client.get(params("operation", "retrieve", "sessionName", session, "id", "12x40"));
        assertThat(deleted.errorCode()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void listTypesIncludesTheModules() {
        var answer = client.get(params("operation", "listtypes", "sessionName", session));
        assertThat(answer.result().get("types").toString()).contains("Leads", "Contacts", "Users", "Groups");
    }
}
