package org.leadrouter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VTQL as VTiger 8.1 parses and MySQL evaluates it, over real HTTP. */
class SandboxVtqlTest {

    private static VtigerSandbox sandbox;
    private static SandboxClient client;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        SandboxFixture.Builder fixture = SandboxFixture.builder()
                .apiUser("api", "k")
                .advisor("ana", true)
                .advisor("pedro", false)
                .lead(Map.of("id", "10x5", "firstname", "Juan", "lastname", "Pérez", "email", "juan@example.com",
                        "phone", "600-112-233", "assigned_user_id", "19x2", "createdtime", "2026-01-10 10:00:00"))
                .lead(Map.of("id", "10x6", "firstname", "Ana", "lastname", "O'Brien", "email", "ana_b@example.com",
                        "assigned_user_id", "19x2", "createdtime", "2026-01-11 10:00:00"))
                .lead(Map.of("id", "10x7", "firstname", "Luis", "lastname", "Back\\slash", "email", "100%@example.com",
                        "assigned_user_id", "19x1", "createdtime", "2026-01-12 10:00:00"))
                .lead(Map.of("id", "10x8", "firstname", "Old", "lastname", "Converted", "email", "juan@example.com",
                        "assigned_user_id", "19x2", "converted", "1"))
                .contact(Map.of("id", "12x9", "firstname", "Carlos", "lastname", "Ruiz",
                        "secondaryemail", "Carlos.Ruiz@Example.com", "assigned_user_id", "19x2"));
        sandbox = VtigerSandbox.start(0, fixture.build());
        for (int i = 0; i < 250; i++) {
            sandbox.addRecord("Leads", Map.of("lastname", "Bulk" + i, "company", "BulkCo", "assigned_user_id", "19x2"));
        }
        client = new SandboxClient(sandbox);
        session = client.login("api", "k");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<String> ids(String vtql) {
        var answer = client.query(session, vtql);
        assertThat(answer.success()).as(answer.body()).isTrue();
        return values(answer.result(), "id");
    }

    private static List<String> values(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get(field).asText()).toList();
    }

    private static String error(String vtql) {
        var answer = client.query(session, vtql);
        assertThat(answer.status()).isEqualTo(200);
        return answer.errorCode();
    }

    @Test
    void equalsMatchesCaseAndAccentInsensitively() {
        assertThat(ids("SELECT id FROM Leads WHERE lastname = 'pérez';")).containsExactly("10x5");
        assertThat(ids("SELECT id FROM Leads WHERE lastname = 'PEREZ';")).containsExactly("10x5");
        assertThat(ids("select id from Leads where email = 'JUAN@EXAMPLE.COM';")).containsExactly("10x5");
    }

    @Test
    void comparisonOperatorsCompareStrings() {
        assertThat(ids("SELECT id FROM Leads WHERE createdtime > '2026-01-10 10:00:00' AND company != 'BulkCo';"))
                .containsExactly("10x6", "10x7");
        assertThat(ids("SELECT id FROM Leads WHERE createdtime >= '2026-01-11 10:00:00' AND createdtime < '2026-01-12';"))
                .containsExactly("10x6");
        assertThat(ids("SELECT id FROM Leads WHERE createdtime <= '2026-01-10 10:00:00' AND company != 'BulkCo';"))
                .containsExactly("10x5");
    }

    @Test
    void inMatchesAnyListedValue() {
        assertThat(ids("SELECT id FROM Leads WHERE firstname IN ('juan', 'LUIS');")).containsExactly("10x5", "10x7");
    }

    @Test
    void inAcceptsThreeHundredValues() {
        String list = IntStream.range(0, 300).mapToObj(i -> "'Bulk" + i + "'").collect(Collectors.joining(","));
        var answer = client.query(session, "SELECT count(*) FROM Leads WHERE lastname IN (" + list + ");");
        assertThat(answer.result().get(0).get("count").asText()).isEqualTo("250");
    }

    @Test
    void likeWildcardsMatchRunsAndSingleCharacters() {
        assertThat(ids("SELECT id FROM Leads WHERE email LIKE 'juan%';")).containsExactly("10x5");
        assertThat(ids("SELECT id FROM Leads WHERE lastname LIKE 'p_rez';")).containsExactly("10x5");
        assertThat(ids("SELECT id FROM Leads WHERE phone LIKE '%112%';")).containsExactly("10x5");
    }

    @Test
    void escapedWildcardsInLikeAreLiteral() {
        assertThat(ids("SELECT id FROM Leads WHERE email LIKE '100\\%@%';")).containsExactly("10x7");
        assertThat(ids("SELECT id FROM Leads WHERE email LIKE 'ana\\_b%';")).containsExactly("10x6");
        assertThat(ids("SELECT id FROM Leads WHERE email LIKE 'ana\\_%' OR email LIKE '%\\_x%';")).containsExactly("10x6");
    }

    @Test
    void andBindsTighterThanOrAsInMysql() {
        // VTiger pastes the conditions into one SQL WHERE without grouping.
        assertThat(ids("SELECT id FROM Leads WHERE firstname = 'Juan' OR firstname = 'Ana' AND lastname = 'Nobody';"))
                .containsExactly("10x5");
    }

    @Test
    void leftToRightEvaluationCanBeChosenByTheFixture() throws Exception {
        try (VtigerSandbox strict = VtigerSandbox.start(0, SandboxFixture.builder().leftToRightWhere(true)
                .apiUser("api", "k")
                .lead(Map.of("id", "10x5", "firstname", "Juan", "lastname", "A", "assigned_user_id", "19x1"))
                .lead(Map.of("id", "10x6", "firstname", "Ana", "lastname", "B", "assigned_user_id", "19x1"))
                .build())) {
            SandboxClient other = new SandboxClient(strict);
            String s = other.login("api", "k");
            var answer = other.query(s, "SELECT id FROM Leads WHERE firstname = 'Juan' OR firstname = 'Ana' AND lastname = 'Nobody';");
            assertThat(answer.result()).isEmpty();
            var second = other.query(s, "SELECT id FROM Leads WHERE firstname = 'Juan' OR firstname = 'Ana' AND lastname = 'B';");
            assertThat(values(second.result(), "id")).containsExactly("10x6");
        }
    }

    @Test
    void parenthesesAroundConditionsAreASyntaxError() {
        assertThat(error("SELECT id FROM Leads WHERE (firstname = 'Juan' OR firstname = 'Ana');"))
                .isEqualTo("QUERY_SYNTAX_ERROR");
        assertThat(error("SELECT id FROM Leads WHERE firstname = 'Juan' AND (lastname = 'a' OR lastname = 'b');"))
                .isEqualTo("QUERY_SYNTAX_ERROR");
    }

    @Test
    void missingSemicolonIsASyntaxError() {
        assertThat(error("SELECT id FROM Leads WHERE firstname = 'Juan'")).isEqualTo("QUERY_SYNTAX_ERROR");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(ids("sElEcT id FrOm Leads wHeRe firstname LiKe 'Jua%' oRdEr By id DeSc LiMiT 5;")).containsExactly("10x5");
    }

    @Test
    void doubledQuoteIsOneQuote() {
        assertThat(ids("SELECT id FROM Leads WHERE lastname = 'O''Brien';")).containsExactly("10x6");
    }

    @Test
    void doubledBackslashIsOneBackslash() {
        assertThat(ids("SELECT id FROM Leads WHERE lastname = 'Back\\\\slash';")).containsExactly("10x7");
    }

    @Test
    void valueEndingInALoneBackslashIsAnInternalError() {
        var answer = client.query(session, "SELECT id FROM Leads WHERE lastname = 'abc\\';");
        assertThat(answer.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(answer.errorMessage()).isEqualTo("Unknown Error while processing request");
    }

    @Test
    void backslashQuoteInsideAValueEndsTheTokenForVtigerLexer() {
        // VTiger's lexer knows only '' as an escaped quote, so 'O\'Brien' is 'O\' followed by garbage.
        assertThat(error("SELECT id FROM Leads WHERE lastname = 'O\\'Brien';")).isEqualTo("QUERY_SYNTAX_ERROR");
    }

    @Test
    void emptyStringLiteralCannotBeLexed() {
        assertThat(error("SELECT id FROM Leads WHERE email = '';")).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void unknownFieldInSelectOrWhereIsAccessDenied() {
        var select = client.query(session, "SELECT id, nosuchfield FROM Leads;");
        assertThat(select.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(select.errorMessage()).isEqualTo("Permission to access '.nosuchfield.' attribute denied.");
        var where = client.query(session, "SELECT id FROM Leads WHERE nosuchfield = 'x';");
        assertThat(where.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(where.errorMessage()).isEqualTo("Permission to access nosuchfield attribute denied.");
    }

    @Test
    void unknownFieldInOrderByOrNegativeLimitAnswersNoRows() {
        assertThat(ids("SELECT id FROM Leads ORDER BY nosuchfield;")).isEmpty();
        assertThat(ids("SELECT id FROM Leads LIMIT -1;")).isEmpty();
    }

    @Test
    void dateLiteralsAreComparedAsDates() {
        int all = ids("SELECT id FROM Leads;").size();
        assertThat(ids("SELECT id FROM Leads WHERE createdtime >= '2000/01/01';")).hasSize(all);
        assertThat(ids("SELECT id FROM Leads WHERE createdtime >= '2000-01-01T00:00:00';")).hasSize(all);
        assertThat(ids("SELECT id FROM Leads WHERE createdtime >= '2999/01/01';")).isEmpty();
        assertThat(ids("SELECT id FROM Leads WHERE createdtime >= 'not a date';")).as("garbage matches every row").hasSize(all);
    }

    @Test
    void unknownModuleIsAccessDenied() {
        var answer = client.query(session, "SELECT id FROM Potatoes;");
        assertThat(answer.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(answer.errorMessage()).isEqualTo("Permission to perform the operation is denied for name : Potatoes");
    }

    @Test
    void explicitColumnsAlwaysComeWithId() {
        var answer = client.query(session, "SELECT firstname FROM Leads WHERE lastname = 'Pérez';");
        JsonNode row = answer.result().get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("firstname", "id");
        assertThat(row.get("id").asText()).isEqualTo("10x5");
    }

    @Test
    void allValuesAreStringsAndMissingOnesEmpty() {
        var answer = client.query(session, "SELECT * FROM Leads WHERE id = '10x6';");
        JsonNode row = answer.result().get(0);
        row.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        assertThat(row.get("phone").asText()).isEmpty();
        assertThat(row.get("assigned_user_id").asText()).isEqualTo("19x2");
        assertThat(row.get("lead_no").asText()).startsWith("LEA");
    }

    @Test
    void atMostOneHundredRowsWhateverTheLimit() {
        assertThat(ids("SELECT id FROM Leads;")).hasSize(100);
        assertThat(ids("SELECT id FROM Leads LIMIT 500;")).hasSize(100);
        assertThat(ids("SELECT id FROM Leads LIMIT 7;")).hasSize(7);
    }

    @Test
    void limitWithOffsetPagesThroughOrderedRows() {
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            List<String> page = ids("SELECT id FROM Leads ORDER BY id LIMIT " + offset + ",100;");
            all.addAll(page);
            if (page.size() < 100) {
                break;
            }
        }
        assertThat(all).hasSize(253).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo("10x5");
        assertThat(ids("SELECT id FROM Leads ORDER BY id LIMIT 200,300;")).hasSize(53);
        assertThat(ids("SELECT id FROM Leads ORDER BY id LIMIT 100,300;")).hasSize(100);
    }

    @Test
    void orderByIdIsNumericAndDescendingWorks() {
        List<String> ids = ids("SELECT id FROM Leads WHERE company != 'BulkCo' ORDER BY id DESC;");
        assertThat(ids).containsExactly("10x7", "10x6", "10x5");
        List<String> bulk = ids("SELECT id FROM Leads WHERE id > '10x9' ORDER BY id LIMIT 3;");
        assertThat(bulk).containsExactly("10x10", "10x11", "10x12");
    }

    @Test
    void orderBySeveralColumnsTakesOneDirectionForTheLast() {
        assertThat(ids("SELECT id FROM Leads WHERE company != 'BulkCo' ORDER BY assigned_user_id, firstname DESC;"))
                .containsExactly("10x7", "10x5", "10x6");
        assertThat(error("SELECT id FROM Leads ORDER BY firstname ASC, lastname;")).isEqualTo("QUERY_SYNTAX_ERROR");
    }

    @Test
    void idComparesAgainstWebserviceIds() {
        assertThat(ids("SELECT id FROM Leads WHERE id = '10x6';")).containsExactly("10x6");
        assertThat(ids("SELECT id FROM Leads WHERE id IN ('10x5','10x7');")).containsExactly("10x5", "10x7");
        assertThat(ids("SELECT id FROM Leads WHERE id < '10x7';")).containsExactly("10x5", "10x6");
        assertThat(ids("SELECT id FROM Leads WHERE id = '12x6';")).as("type prefix is ignored").containsExactly("10x6");
        assertThat(ids("SELECT id FROM Leads WHERE id = '6';")).as("no type prefix matches nothing").isEmpty();
    }

    @Test
    void ownerComparesAgainstUserIds() {
        assertThat(ids("SELECT id FROM Leads WHERE assigned_user_id = '19x1';")).containsExactly("10x7");
    }

    @Test
    void countReturnsOneRowWithAStringCount() {
        var answer = client.query(session, "SELECT count(*) FROM Leads WHERE company = 'BulkCo';");
        assertThat(answer.body()).contains("\"count\":\"250\"");
        assertThat(answer.result()).hasSize(1);
        assertThat(client.query(session, "SELECT count(*) FROM Leads LIMIT 1,10;").result()).isEmpty();
    }

    @Test
    void convertedLeadsAreInvisible() {
        assertThat(ids("SELECT id FROM Leads WHERE email = 'juan@example.com';")).containsExactly("10x5");
        assertThat(sandbox.records("Leads")).anySatisfy(r -> assertThat(r).containsEntry("id", "10x8").containsEntry("converted", "1"));
    }

    @Test
    void inactiveUsersAreInvisible() {
        assertThat(values(client.query(session, "SELECT user_name FROM Users;").result(), "user_name"))
                .containsExactly("api", "ana");
    }

    @Test
    void selectStarOnUsersLeaksAccessKeyAndPasswordHash() {
        JsonNode api = client.query(session, "SELECT * FROM Users WHERE user_name = 'api';").result().get(0);
        assertThat(api.get("accesskey").asText()).isEqualTo("k");
        assertThat(api.get("user_password").asText()).startsWith("$2y$");
        assertThat(api.get("roleid").asText()).isEmpty();
        assertThat(api.get("is_admin").asText()).isEqualTo("on");
    }

    @Test
    void contactsAreQueryableBySecondaryEmail() {
        assertThat(ids("SELECT id FROM Contacts WHERE email = 'carlos.ruiz@example.com' OR secondaryemail = 'carlos.ruiz@example.com';"))
                .containsExactly("12x9");
    }
}
