package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leadrouter.config.Secret;
import org.leadrouter.config.VtigerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTiger webservice, spoken correctly: challenge and login, one shared session renewed when VTiger drops it,
 * {@code success:false} turned into {@link VtigerException}, transient failures retried with back-off.
 */
public final class VtigerClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VtigerClient.class);
    /** VTiger returns at most this many rows per query, whatever LIMIT says. */
    public static final int PAGE_SIZE = 100;

    private final VtigerTransport transport;
    private final String username;
    private final Secret accessKey;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final VtigerCallListener listener;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ModuleInfo> modules = new ConcurrentHashMap<>();
    private volatile Session session;

    public VtigerClient(VtigerTransport transport, String username, Secret accessKey, RetryPolicy retry,
                        Sleeper sleeper, VtigerCallListener listener) {
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.username = Objects.requireNonNull(username, "username == null");
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /** The client of the service: over HTTP to {@code settings}' endpoint, retrying as {@code vtiger.retry.*} says. */
    public static VtigerClient of(VtigerSettings settings, VtigerCallListener listener) {
        return of(settings, RetryPolicy.of(settings), listener);
    }

    /** A client over HTTP to {@code settings}' endpoint with its own retry bounds (e.g. {@link RetryPolicy#ONCE}). */
    public static VtigerClient of(VtigerSettings settings, RetryPolicy retry, VtigerCallListener listener) {
        return new VtigerClient(new HttpClientTransport(settings), settings.username(), settings.accessKey(), retry,
                Sleeper.REAL, listener);
    }

    /** The bounds this client retries a request within; callers that reconcile a lost answer wait by them too. */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** The logged-in user's webservice id (e.g. {@code 19x1}); logs in when needed. */
    public String userId() {
        return currentSession().userId();
    }

    /** Logs in now (challenge + login), replacing any session. */
    public synchronized String login() {
        JsonNode challenge = withRetry("getchallenge", true,
                () -> send("getchallenge", false, Map.of("operation", "getchallenge", "username", username)));
        String token = challenge.path("token").asText();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("operation", "login");
        form.put("username", username);
        form.put("accessKey", md5(token + accessKey.reveal()));
        JsonNode result = withRetry("login", true, () -> send("login", true, form));
        session = new Session(result.path("sessionName").asText(), result.path("userId").asText());
        LOG.debug("logged in to VTiger as {} ({})", username, session.userId());
        return session.userId();
    }

    /** One VTQL query (at most {@value #PAGE_SIZE} rows come back); all values are strings. */
    public List<Map<String, String>> query(String vtql) {
        JsonNode result = authenticated("query", true, s -> send("query", false,
                Map.of("operation", "query", "sessionName", s.name(), "query", vtql)));
        List<Map<String, String>> rows = new ArrayList<>(result.size());
        for (JsonNode row : result) {
            rows.add(toStrings(row));
        }
        return rows;
    }

    /** Every row of {@code query}, page by page ({@code LIMIT offset,100}). */
    public List<Map<String, String>> queryAll(VtqlQuery query) {
        List<Map<String, String>> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE_SIZE) {
            List<Map<String, String>> page = query(query.page(offset, PAGE_SIZE));
            all.addAll(page);
            if (page.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    /**
     * Creates one record. Not retried when the request may have arrived (a lost answer is not proof of
     * failure): the caller reconciles before sending again.
     */
    public Map<String, String> create(String module, Map<String, String> element) {
        String elementJson;
        try {
            elementJson = json.writeValueAsString(element);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("element cannot be written as JSON", e);
        }
        JsonNode result = authenticated("create", false, s -> send("create", true, Map.of(
                "operation", "create", "sessionName", s.name(), "elementType", module, "element", elementJson)));
        return toStrings(result);
    }

    /** The module's name, id prefix and fields, asked once per client. */
    public ModuleInfo describe(String module) {
        return modules.computeIfAbsent(module, m -> {
            JsonNode result = authenticated("describe", true, s -> send("describe", false,
                    Map.of("operation", "describe", "sessionName", s.name(), "elementType", m)));
            Set<String> fields = new HashSet<>();
            result.path("fields").forEach(f -> fields.add(f.path("name").asText()));
            return new ModuleInfo(result.path("name").asText(m), result.path("idPrefix").asText(), fields);
        });
    }

    /** Active users, without secrets: VTiger's {@code SELECT *} on Users would return password hashes and keys. */
    public List<VtigerUser> activeUsers() {
        VtqlQuery q = VtqlQuery.select("id", "user_name", "first_name", "last_name", "is_admin", "status")
                .from("Users").orderBy("id").build();
        List<VtigerUser> users = new ArrayList<>();
        for (Map<String, String> row : queryAll(q)) {
            if ("Active".equalsIgnoreCase(row.getOrDefault("status", "Active"))) {
                users.add(new VtigerUser(row.get("id"), row.getOrDefault("user_name", ""),
                        row.getOrDefault("first_name", ""), row.getOrDefault("last_name", ""),
                        "on".equalsIgnoreCase(row.getOrDefault("is_admin", "off"))));
            }
        }
        return users;
    }

    private Session currentSession() {
        Session s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    login();
                }
                s = session;
            }
        }
        return s;
    }

    private JsonNode authenticated(String operation, boolean retryTransient, SessionCall call) {
        Session s = currentSession();
        try {
            return withRetry(operation, retryTransient, () -> call.send(s));
        } catch (VtigerException e) {
            if (!e.isSessionLost()) {
                throw e;
            }
            LOG.info("VTiger session ended ({}); logging in again", e.code());
            synchronized (this) {
                if (session == s) {
                    login();
                }
            }
            Session renewed = currentSession();
            return withRetry(operation, retryTransient, () -> call.send(renewed));
        }
    }

    private JsonNode withRetry(String operation, boolean retryTransient, Call call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.send();
            } catch (VtigerUnavailableException e) {
                boolean retryable = retryTransient || !e.mayHaveArrived();
                if (!retryable || attempt >= retry.attempts()) {
                    throw e;
                }
                Duration wait = retry.backoff(attempt);
                LOG.warn("VTiger '{}' failed (attempt {} of {}): {}; retrying in {} ms",
                        operation, attempt, retry.attempts(), e.getMessage(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private JsonNode send(String operation, boolean post, Map<String, String> params) {
        long start = System.nanoTime();
        String outcome = "unavailable";
        try {
            VtigerTransport.HttpReply reply = post ? transport.post(params) : transport.get(params);
            JsonNode result = parse(operation, reply);
            outcome = "ok";
            return result;
        } catch (VtigerException e) {
            outcome = e.code();
            throw e;
        } finally {
            listener.called(operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private JsonNode parse(String operation, VtigerTransport.HttpReply reply) {
        if (reply.status() != 200) {
            throw new VtigerUnavailableException("VTiger answered HTTP " + reply.status() + " to '" + operation + "'",
                    reply.status() >= 500 || reply.status() == 0, null);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("success")) {
            throw new VtigerUnavailableException("VTiger gave no JSON answer to '" + operation + "'", true, null);
        }
        if (!envelope.path("success").asBoolean(false)) {
            JsonNode error = envelope.path("error");
            throw new VtigerException(error.path("code").asText("UNKNOWN_ERROR"), error.path("message").asText(""));
        }
        return envelope.path("result");
    }

    private static Map<String, String> toStrings(JsonNode row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return values;
    }

    private static String md5(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by VTiger's login and missing from this JVM", e);
        }
    }

    /** Releases the HTTP connections. */
    @Override
    public void close() {
        if (transport instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client: {}", e.getMessage());
            }
        }
    }

    private record Session(String name, String userId) {
    }

    @FunctionalInterface
    private interface Call {
        JsonNode send();
    }

    @FunctionalInterface
    private interface SessionCall {
        JsonNode send(Session session);
    }
}
