package org.leadrouter.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves {@code /webservice.php}: counts the call, applies injected failures, takes the session's lock as PHP does,
 * spends the injected server time (inside the lock), checks the session like VTiger's webservice.php, then
 * runs the operation and writes the JSON envelope.
 */
final class WebserviceHandler implements HttpHandler {

    private static final Set<String> PRE_LOGIN = Set.of("getchallenge", "login", "extendsession");
    /** Operations VTiger registers as POST: their parameters are read from the body only. */
    private static final Set<String> POST_TYPE = Set.of("login", "extendsession", "create", "update", "revise", "delete",
            "logout");
    /** Write operations that refuse to run when sent as GET. */
    private static final Set<String> WRITES = Set.of("create", "update", "revise", "delete", "logout");
    /** Registered, but they die with a PHP fatal error on stock 8.1 under PHP 8. */
    private static final Set<String> BROKEN = Set.of("sync", "logout");
    private static final Set<String> KNOWN = Set.of("getchallenge", "login", "extendsession", "query", "create", "describe",
            "retrieve", "listtypes", "update", "revise", "delete", "sync", "logout");

    /** Thrown where PHP would die and Apache answer 500 with nothing in the body. */
    private static final class FatalError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FatalError() {
            super(null, null, false, false);
        }
    }

    private final SandboxContext ctx;
    private final SandboxCallCounter calls;
    private final CountDownLatch closing;

    WebserviceHandler(SandboxContext ctx, SandboxCallCounter calls, CountDownLatch closing) {
        this.ctx = ctx;
        this.calls = calls;
        this.closing = closing;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/webservice.php".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            WebRequest request = WebRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), body);
            String operation = Optional.ofNullable(request.request("operation")).orElse("").toLowerCase(Locale.ROOT);
            calls.count(operation);
            // Injected failures stand for trouble in front of PHP (proxy, network): they never reach the session.
            Optional<SandboxFaults.Failure> failure = ctx.faults().failure(operation);
            if (failure.isPresent()) {
                fail(exchange, failure.get());
                return;
            }
            // PHP holds the session file's lock for the whole request: one request per session at a time.
            Optional<ReentrantLock> sessionLock = ctx.sessions().lock(sessionName(request));
            if (sessionLock.isPresent()) {
                try {
                    sessionLock.get().lockInterruptibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                if (pauseInterrupted(ctx.faults().serverTime(operation))) {
                    return;
                }
                answer(exchange, operation, request);
            } finally {
                sessionLock.ifPresent(ReentrantLock::unlock);
            }
        }
    }

    /** The session a request names, or null ("null" counts as none, as in webservice.php). */
    private static String sessionName(WebRequest request) {
        String name = request.request("sessionName");
        return name == null || name.isEmpty() || "null".equalsIgnoreCase(name) ? null : name;
    }

    private void answer(HttpExchange exchange, String operation, WebRequest request) throws IOException {
        if (!KNOWN.contains(operation)) {
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        try {
            Object result = run(operation, request);
            envelope.put("success", true);
            envelope.put("result", result);
        } catch (VtigerError e) {
            envelope.put("success", false);
            Map<String, String> error = new LinkedHashMap<>();
            error.put("code", e.code());
            error.put("message", e.getMessage());
            envelope.put("error", error);
        } catch (FatalError e) {
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        if (ctx.faults().loseAnswer(operation)) {
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        byte[] json = PhpJson.write(envelope).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    private Object run(String operation, WebRequest request) {
        String sessionName = sessionName(request);
        if ("extendsession".equals(operation)) {
            return new AuthOperations(ctx).extend(sessionName);
        }
        long caller = 0;
        if (sessionName == null) {
            if (!PRE_LOGIN.contains(operation)) {
                throw VtigerError.authRequired();
            }
        } else {
            caller = ctx.sessions().use(sessionName, ctx.now(), ctx.faults().sessionCallLimit(),
                    ctx.faults().sessionIdleLimit());
        }
        if (BROKEN.contains(operation)) {
            throw new FatalError();
        }
        if (WRITES.contains(operation) && !request.isPost()) {
            throw VtigerError.operationDenied();
        }
        // getchallenge sent as POST finds no username; login sent as GET finds no username, hence no token.
        Map<String, String> in = POST_TYPE.contains(operation) ? request.post() : request.get();
        return switch (operation) {
            case "getchallenge" -> new AuthOperations(ctx).challenge(in.get("username"));
            case "login" -> new AuthOperations(ctx).login(in.get("username"), in.get("accessKey"));
            case "query" -> new QueryOperation(ctx).run(in.get("query"), caller);
            case "create" -> new CreateOperation(ctx).run(in.get("elementType"), in.get("element"), caller);
            case "describe" -> new MetaOperations(ctx).describe(in.get("elementType"));
            case "listtypes" -> new MetaOperations(ctx).listTypes();
            case "retrieve" -> new MetaOperations(ctx).retrieve(in.get("id"));
            case "update" -> new WriteOperations(ctx).update(in.get("element"));
            case "revise" -> new WriteOperations(ctx).revise(in.get("element"));
            case "delete" -> new WriteOperations(ctx).delete(in.get("id"));
            default -> throw new FatalError();
        };
    }

    private void fail(HttpExchange exchange, SandboxFaults.Failure failure) throws IOException {
        switch (failure) {
            case HTTP_500 -> exchange.sendResponseHeaders(500, -1);
            case HTTP_503 -> {
                byte[] page = "<html><body><h1>503 Service Unavailable</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(503, page.length);
                exchange.getResponseBody().write(page);
            }
            case EMPTY_BODY -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(200, -1);
            }
            // Closing the exchange before any response headers drops the connection unanswered.
            case TIMEOUT -> pauseInterrupted(ctx.faults().timeoutHold());
        }
    }

    /** Waits, but gives up at once when the sandbox closes; true if it closed meanwhile. */
    private boolean pauseInterrupted(Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return closing.getCount() == 0;
        }
        try {
            return closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
