package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leadrouter.config.Secret;
import org.leadrouter.vtiger.SessionPool.Session;
import org.leadrouter.config.VtigerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTiger webservice, spoken correctly: challenge and login, a small pool of sessions (one request at a time on
 * each) renewed one at a time when VTiger drops one,
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
    private final SessionPool sessions;
    /** Logins go one after another: a new challenge replaces the user's previous token. */
    private final Object loginLock = new Object();
    private final ExecutorService pagers;
    private volatile String userId;
    /** {@code is_admin} from the last login answer; null when VTiger did not say. */
    private volatile Boolean apiUserAdmin;

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
        this.sessions = new SessionPool(maxConcurrency, this::openSession);
        this.pagers = maxConcurrency == 1 ? null : pageThreads(maxConcurrency);
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
                Sleeper.REAL, listener, settings.maxConcurrency());
    }

    /** The logged-in user's webservice id (e.g. {@code 19x1}); logs in when needed. */
    public String userId() {
        String id = userId;
        if (id == null) {
            sessions.release(sessions.borrow());
            id = userId;
        }
        return id;
    }

    /** Whether the API user is a VTiger admin, as the login answer said (logs in when needed); empty if it did not say. */
    public java.util.Optional<Boolean> apiUserIsAdmin() {
        userId();
        return java.util.Optional.ofNullable(apiUserAdmin);
    }

    /** Threads asking for the pages of one query at once; they end when idle, so nothing needs closing. */
    private static ExecutorService pageThreads(int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vtiger-pages-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** How many requests this client sends at once at most (one session each). */
    public int maxConcurrency() {
        return sessions.max();
    }

    /** Logs in now (challenge + login), replacing the idle sessions. */
    public String login() {
        return sessions.replaceIdle(openSession()).userId();
    }

    /**
     * Challenge and login: one new session. Logins go one after another (a new challenge replaces the user's
     * previous token, so two logins at once would fail); sessions opened one after another all stay valid.
     * <p>
     * Another process logging in as the same user between our challenge and our login (a second leadrouter, or
     * {@code run} next to the daemon) replaces our token, and VTiger refuses the login as if the key were wrong. So a
     * refused login is tried again, a little later and at a random moment, before it is believed: a wrong key or an
     * inactive user is refused every time.
     */
    private Session openSession() {
        synchronized (loginLock) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return loginOnce();
                } catch (VtigerException e) {
                    // any refusal here is about our credentials (an unknown user is refused at getchallenge already)
                    boolean tokenTaken = e.code().equals("INVALID_USER_CREDENTIALS") || e.code().equals("INVALID_AUTH_TOKEN");
                    if (!tokenTaken || attempt >= LOGIN_ATTEMPTS) {
                        throw e.asLoginRefusal();
                    }
                    Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(200, 700) * attempt);
                    LOG.info("VTiger refused the login of {} ({}); another login as the same user may have replaced our"
                            + " challenge: trying again in {} ms", username, e.code(), wait.toMillis());
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e.asLoginRefusal();
                    }
                }
            }
        }
    }

    /** How often a refused login is tried before the refusal is believed. */
    private static final int LOGIN_ATTEMPTS = 3;

    private Session loginOnce() {
        JsonNode challenge = withRetry("getchallenge", true,
                () -> send("getchallenge", false, Map.of("operation", "getchallenge", "username", username)));
        String token = challenge.path("token").asText();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("operation", "login");
        form.put("username", username);
        form.put("accessKey", md5(token + accessKey.reveal()));
        JsonNode result = withRetry("login", true, () -> send("login", true, form));
        JsonNode admin = result.path("is_admin");
        apiUserAdmin = admin.isMissingNode() || admin.isNull() ? null : "on".equalsIgnoreCase(admin.asText());
        Session opened = new Session(result.path("sessionName").asText(), result.path("userId").asText());
        userId = opened.userId();
        LOG.debug("logged in to VTiger as {} ({})", username, opened.userId());
        return opened;
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

    /**
     * Every row of {@code query}, page by page ({@code LIMIT offset,100}), in order. When the first page is full and
     * several sessions are allowed, the next pages are asked for that many at a time; a short page ends it (pages
     * already asked for beyond it come back empty).
     */
    public List<Map<String, String>> queryAll(VtqlQuery query) {
        List<Map<String, String>> all = new ArrayList<>(query(query.page(0, PAGE_SIZE)));
        if (all.size() < PAGE_SIZE) {
            return all;
        }
        if (pagers != null) {
            return remainingPagesAtOnce(query, all);
        }
        for (int offset = PAGE_SIZE; ; offset += PAGE_SIZE) {
            List<Map<String, String>> page = query(query.page(offset, PAGE_SIZE));
            all.addAll(page);
            if (page.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    private List<Map<String, String>> remainingPagesAtOnce(VtqlQuery query, List<Map<String, String>> all) {
        CompletionService<Page> done = new ExecutorCompletionService<>(pagers);
        Map<Integer, List<Map<String, String>>> pages = new HashMap<>();
        int next = 1;
        int last = Integer.MAX_VALUE; // index of the first short page, once seen
        int inFlight = 0;
        RuntimeException failure = null;
        while (true) {
            while (failure == null && inFlight < sessions.max() && next < last) {
                int index = next++;
                done.submit(() -> new Page(index, query(query.page(index * PAGE_SIZE, PAGE_SIZE))));
                inFlight++;
            }
            if (inFlight == 0) {
                break;
            }
            try {
                Future<Page> f = done.take();
                inFlight--;
                Page page = f.get();
                pages.put(page.index(), page.rows());
                if (page.rows().size() < PAGE_SIZE) {
                    last = Math.min(last, page.index());
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a page of a VTiger query failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VtigerUnavailableException("interrupted while reading a VTiger query", false, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        for (int index = 1; index <= last; index++) {
            all.addAll(pages.get(index));
        }
        return all;
    }

    private record Page(int index, List<Map<String, String>> rows) {
    }

    /** The retry policy of this client, for callers that wait the same way (e.g. before looking a create up). */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * Creates one record. Not retried when the request may have arrived (a lost answer is not proof of
     * failure): the caller reconciles before sending again (LeadCreator, by the lead's import marker).
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

    /**
     * One request on a session of the pool, which no other request uses meanwhile. When VTiger has dropped that
     * session, a new one is opened in its place (one login at a time) and the request is sent once more. When the
     * answer was lost (a timeout, a connection dropped after sending), VTiger may still be working on the request, and
     * PHP holds the session's lock until it is done: that session is left, and a retry (or the next request, e.g. the
     * marker lookup after a lost create) goes to another, so that it is answered at once instead of waiting behind it.
     */
    private JsonNode authenticated(String operation, boolean retryTransient, SessionCall call) {
        boolean renewed = false;
        Session fresh = null;
        for (int attempt = 1; ; ) {
            Session s = fresh != null ? fresh : sessions.borrow();
            fresh = null;
            try {
                JsonNode result = call.send(s);
                sessions.release(s);
                return result;
            } catch (VtigerUnavailableException e) {
                if (e.mayStillBeRunning()) {
                    sessions.discard();
                    LOG.debug("VTiger may still be working on '{}': its session is left, the next request takes another",
                            operation);
                } else {
                    sessions.release(s);
                }
                pauseBeforeRetry(operation, retryTransient, attempt++, e);
            } catch (VtigerException e) {
                if (!e.isSessionLost() || renewed) {
                    if (e.isSessionLost()) {
                        sessions.discard();
                    } else {
                        sessions.release(s);
                    }
                    throw e;
                }
                // the dead session's place (and permit) goes to a new one (the other idle ones may be dead too)
                renewed = true;
                LOG.info("VTiger session ended ({}); logging in again", e.code());
                try {
                    fresh = openSession();
                } catch (RuntimeException | Error loginFailed) {
                    sessions.discard();
                    throw loginFailed;
                }
            } catch (RuntimeException | Error e) {
                sessions.release(s);
                throw e;
            }
        }
    }

    private JsonNode withRetry(String operation, boolean retryTransient, Call call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.send();
            } catch (VtigerUnavailableException e) {
                pauseBeforeRetry(operation, retryTransient, attempt, e);
            }
        }
    }

    /**
     * After {@code attempt} failed: throws {@code failure} when it may not be retried (a request that may have acted,
     * unless {@code retryTransient}) or the attempts are used up; otherwise says so and waits the back-off.
     */
    private void pauseBeforeRetry(String operation, boolean retryTransient, int attempt,
                                  VtigerUnavailableException failure) {
        boolean retryable = retryTransient || !failure.mayHaveArrived();
        if (!retryable || attempt >= retry.attempts()) {
            throw failure;
        }
        Duration wait = retry.backoff(attempt);
        LOG.warn("VTiger '{}' failed (attempt {} of {}): {}; retrying in {} ms",
                operation, attempt, retry.attempts(), failure.getMessage(), wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw failure;
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

    @FunctionalInterface
    private interface Call {
        JsonNode send();
    }

    @FunctionalInterface
    private interface SessionCall {
        JsonNode send(Session session);
    }
}
