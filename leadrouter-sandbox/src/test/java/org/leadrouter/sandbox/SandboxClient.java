package org.leadrouter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A bare webservice client for tests: real HTTP on loopback, answers parsed but not interpreted. */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer; {@code json} is null when the body is not JSON (e.g. empty). */
    record Answer(int status, String body, JsonNode json) {

        boolean success() {
            return json != null && json.path("success").asBoolean();
        }

        JsonNode result() {
            return json.get("result");
        }

        String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }

        String errorMessage() {
            return json == null ? null : json.path("error").path("message").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    SandboxClient(VtigerSandbox sandbox) {
        this.endpoint = sandbox.baseUrl().resolve("webservice.php");
    }

    Answer get(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "?" + form(params))).GET());
    }

    Answer post(Map<String, String> params) {
        return send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    /**
     * POSTs and lets IOExceptions through, for tests that expect a dropped connection. POST because
     * HttpClient silently retries a GET once when the connection drops before the answer.
     */
    HttpResponse<String> rawPost(Map<String, String> params, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String user, String accessKey) {
        Answer answer = tryLogin(user, accessKey);
        if (!answer.success()) {
            throw new AssertionError("login failed: " + answer.body());
        }
        return answer.result().get("sessionName").asText();
    }

    /** getchallenge then login; a refused challenge is the answer. */
    Answer tryLogin(String user, String accessKey) {
        Answer challenge = get(Map.of("operation", "getchallenge", "username", user));
        if (!challenge.success()) {
            return challenge;
        }
        String token = challenge.result().get("token").asText();
        return post(Map.of("operation", "login", "username", user, "accessKey", AuthOperations.md5Hex(token + accessKey)));
    }

    Answer query(String session, String vtql) {
        return get(Map.of("operation", "query", "sessionName", session, "query", vtql));
    }

    Answer create(String session, String module, Map<String, ?> element) {
        try {
            return post(Map.of("operation", "create", "sessionName", session, "elementType", module,
                    "element", JSON.writeValueAsString(element)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!response.body().isEmpty()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
