package org.leadrouter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The call pattern of the script leadrouter replaces ({@code SPEC-distribuir-leads.md}), for comparison: log in, read
 * the active users and today's leads, then for each row one after another look its email and its phone up in Leads
 * and in Contacts and, when nothing matched, create the lead. No local state, no parallelism.
 */
final class PerLeadLookupsBaseline {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String user;
    private final String accessKey;
    private String session;

    PerLeadLookupsBaseline(URI endpoint, String user, String accessKey) {
        this.endpoint = endpoint;
        this.user = user;
        this.accessKey = accessKey;
    }

    /** Runs the file; returns how many leads were created. */
    int run(Path csv) throws Exception {
        String token = call("GET", Map.of("operation", "getchallenge", "username", user)).path("token").asText();
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String key = HexFormat.of().formatHex(md5.digest((token + accessKey).getBytes(StandardCharsets.UTF_8)));
        session = call("POST", Map.of("operation", "login", "username", user, "accessKey", key)).path("sessionName").asText();
        List<String> advisors = new ArrayList<>();
        for (JsonNode u : query("SELECT id, user_name, is_admin, status FROM Users;")) {
            if ("Active".equals(u.path("status").asText()) && !"on".equals(u.path("is_admin").asText())) {
                advisors.add(u.path("id").asText());
            }
        }
        for (int offset = 0; ; offset += 100) {
            JsonNode page = query("SELECT assigned_user_id FROM Leads WHERE createdtime >= '"
                    + java.time.LocalDate.now() + " 00:00:00' LIMIT " + offset + ", 100;");
            if (page.size() < 100) {
                break;
            }
        }
        int created = 0;
        int next = 0;
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord row : parser) {
                String name = row.get(0).strip();
                String email = row.get(1).strip().toLowerCase(java.util.Locale.ROOT);
                String phone = row.get(2).replaceAll("[^0-9+]", "");
                if (name.isEmpty() || email.isEmpty() && phone.isEmpty()) {
                    continue;
                }
                boolean duplicate = false;
                for (String module : List.of("Leads", "Contacts")) {
                    if (!email.isEmpty()) {
                        duplicate |= query("SELECT id FROM " + module + " WHERE email = '" + email.replace("'", "''") + "';").size() > 0;
                    }
                    if (!phone.isEmpty()) {
                        duplicate |= query("SELECT id FROM " + module + " WHERE phone = '" + phone + "';").size() > 0;
                    }
                }
                if (duplicate) {
                    continue;
                }
                Map<String, String> element = new LinkedHashMap<>();
                element.put("lastname", name);
                element.put("email", email);
                element.put("phone", phone);
                element.put("assigned_user_id", advisors.get(next++ % advisors.size()));
                element.put("description", "per-lead-lookups baseline");
                JsonNode result = call("POST", Map.of("operation", "create", "sessionName", session, "elementType", "Leads",
                        "element", json.writeValueAsString(element)));
                if (result.has("id")) {
                    created++;
                }
            }
        }
        return created;
    }

    private JsonNode query(String vtql) throws IOException, InterruptedException {
        return call("GET", Map.of("operation", "query", "sessionName", session, "query", vtql));
    }

    private JsonNode call(String method, Map<String, String> params) throws IOException, InterruptedException {
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = method.equals("GET")
                ? HttpRequest.newBuilder(URI.create(endpoint + "?" + form)).GET().build()
                : HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode envelope = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        return envelope.path("result");
    }
}
