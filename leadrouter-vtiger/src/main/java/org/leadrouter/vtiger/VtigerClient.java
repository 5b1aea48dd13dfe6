package org.leadrouter.vtiger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.leadrouter.config.Secret;
import org.leadrouter.config.VtigerSettings;

/**
 * The VTiger webservice operations leadrouter uses (query and paging, create, describe, users), each sent on a
 * session of its own and retried as {@code vtiger.retry.*} says. Who does what: {@link SessionOpener} logs in,
 * {@link SessionPool} lends the sessions, {@link SessionCalls} renews a dropped one, {@link TransientRetry} waits and
 * retries, {@link Webservice} sends one request and {@link AnswerDecoder} reads its answer; {@link SessionLogout}
 * logs out of the sessions when the client closes.
 */
public final class VtigerClient implements AutoCloseable {
    /** VTiger returns at most this many rows per query, whatever LIMIT says. */
    public static final int PAGE_SIZE = PageReader.PAGE_SIZE;

    private final Webservice webservice;
    private final TransientRetry retry;
    private final SessionOpener opener;
    private final SessionPool sessions;
    private final SessionCalls calls;
    private final PageReader pages;
    private final Map<String, ModuleInfo> modules = new ConcurrentHashMap<>();

    public VtigerClient(VtigerTransport transport, String username, Secret accessKey, RetryPolicy retry,
                        Sleeper sleeper, VtigerCallListener listener) {
        this(transport, username, accessKey, retry, sleeper, listener, 1);
    }

    /**
     * A client that sends up to {@code maxConcurrency} requests at once, each on a session of its own (VTiger runs
     * the requests of one session one after another); sessions are opened only when that many are wanted at once.
     */
    public VtigerClient(VtigerTransport transport, String username, Secret accessKey, RetryPolicy retry,
                        Sleeper sleeper, VtigerCallListener listener, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency < 1");
        }
        this.webservice = new Webservice(transport, listener);
        this.retry = new TransientRetry(retry, sleeper);
        this.opener = new SessionOpener(webservice, this.retry, sleeper, username, accessKey);
        this.sessions = new SessionPool(maxConcurrency, opener::open);
        this.calls = new SessionCalls(sessions, opener, this.retry);
        this.pages = new PageReader(this::query, maxConcurrency);
    }

    /** The client of the service: over HTTP to {@code settings}' endpoint, retrying as {@code vtiger.retry.*} says. */
    public static VtigerClient of(VtigerSettings settings, VtigerCallListener listener) {
        return of(settings, RetryPolicy.of(settings), listener);
    }

    /** A client over HTTP to {@code settings}' endpoint with its own retry bounds (e.g. {@link RetryPolicy#ONCE}). */
    public static VtigerClient of(VtigerSettings settings, RetryPolicy retry, VtigerCallListener listener) {
        return new VtigerClient(new HttpClientTransport(settings), settings.username(), settings.accessKey(), retry,
                Sleeper.REAL, listener, settings.maxConcurrency());
    }

    /** The logged-in user's webservice id (e.g. {@code 19x1}); logs in when needed. */
    public String userId() {
        String id = opener.userId();
        if (id == null) {
            sessions.release(sessions.borrow());
            id = opener.userId();
        }
        return id;
    }

    /** Whether the API user is a VTiger admin, as the login answer said (logs in when needed); empty if it did not say. */
    public Optional<Boolean> apiUserIsAdmin() {
        userId();
        return opener.apiUserAdmin();
    }

    /** How many requests this client sends at once at most (one session each). */
    public int maxConcurrency() {
        return sessions.max();
    }

    /** Logs in now (challenge + login), replacing the idle sessions. */
    public String login() {
        return sessions.replaceIdle(opener.open()).userId();
    }

    /** The retry policy of this client, for callers that wait the same way (e.g. before looking a create up). */
    public RetryPolicy retryPolicy() {
        return retry.policy();
    }

    /** One VTQL query (at most {@value #PAGE_SIZE} rows come back); all values are strings. */
    public List<Map<String, String>> query(String vtql) {
        JsonNode result = calls.call("query", true, s -> webservice.get("query",
                Map.of("operation", "query", "sessionName", s.name(), "query", vtql)));
        List<Map<String, String>> rows = new ArrayList<>(result.size());
        for (JsonNode row : result) {
            rows.add(AnswerDecoder.strings(row));
        }
        return rows;
    }

    /**
     * Every row of {@code query}, page by page ({@code LIMIT offset,100}), in order; with several sessions allowed,
     * the pages after a full first one are asked for that many at a time.
     */
    public List<Map<String, String>> queryAll(VtqlQuery query) {
        return pages.all(query);
    }

    /**
     * Creates one record. Not retried when the request may have arrived (a lost answer is not proof of
     * failure): the caller reconciles before sending again (LeadCreator, by the lead's import marker).
     */
    public Map<String, String> create(String module, Map<String, String> element) {
        String elementJson = AnswerDecoder.json(element);
        JsonNode result = calls.call("create", false, s -> webservice.post("create", Map.of(
                "operation", "create", "sessionName", s.name(), "elementType", module, "element", elementJson)));
        return AnswerDecoder.strings(result);
    }

    /** The module's name, id prefix and fields, asked once per client. */
    public ModuleInfo describe(String module) {
        return modules.computeIfAbsent(module, m -> {
            JsonNode result = calls.call("describe", true, s -> webservice.get("describe",
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

    /**
     * Logs out of every session this client opened that VTiger may still keep (never failing: see
     * {@link SessionLogout}), then releases the HTTP connections. A session in use by a request still running is
     * not waited for.
     */
    @Override
    public void close() {
        try {
            new SessionLogout(webservice).logOut(opener.takeOpen());
        } finally {
            webservice.close();
        }
    }
}
