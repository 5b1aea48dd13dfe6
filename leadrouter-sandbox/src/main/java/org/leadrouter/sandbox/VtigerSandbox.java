package org.leadrouter.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An embedded emulation of VTiger 8.1's {@code webservice.php}, on loopback, for tests and demos. */
public final class VtigerSandbox implements AutoCloseable {

    static {
        // The JDK server sends headers and body in separate segments; with Nagle's algorithm on,
        // every answer then waits ~40 ms for the client's delayed ACK. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final SandboxContext ctx;
    private final FixtureSeeder seeder;
    private final SandboxCallCounter calls;
    private final CountDownLatch closing;

    private VtigerSandbox(HttpServer server, ExecutorService workers, SandboxContext ctx, SandboxCallCounter calls,
                          CountDownLatch closing) {
        this.server = server;
        this.workers = workers;
        this.ctx = ctx;
        this.seeder = new FixtureSeeder(ctx);
        this.calls = calls;
        this.closing = closing;
    }

    /** Starts serving {@code http://127.0.0.1:port/webservice.php} as a stock VTiger; port 0 picks a free one. */
    public static VtigerSandbox start(int port, SandboxFixture fixture) throws IOException {
        return start(port, fixture, SandboxFaults.NONE);
    }

    /** Starts serving, each request asking {@code faults} whether it is to be delayed, failed or refused. */
    public static VtigerSandbox start(int port, SandboxFixture fixture, SandboxFaults faults) throws IOException {
        SessionRegistry sessions = new SessionRegistry();
        RecordStore store = new RecordStore(new ModuleSchemas(fixture.typeIds()));
        SandboxContext ctx = new SandboxContext(store, sessions, java.util.Objects.requireNonNull(faults, "faults == null"),
                fixture.clock(), fixture.serverTimezone(), fixture.leftToRightWhere());
        new FixtureSeeder(ctx).seed(fixture);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vtiger-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SandboxCallCounter calls = new SandboxCallCounter();
        CountDownLatch closing = new CountDownLatch(1);
        server.createContext("/", new WebserviceHandler(ctx, calls, closing));
        server.setExecutor(workers);
        server.start();
        return new VtigerSandbox(server, workers, ctx, calls, closing);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:54321/}; the webservice is at {@code baseUrl().resolve("webservice.php")}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Removes every session's file, as a cleared {@code /tmp} or a new PHP container does: their next use answers INVALID_SESSIONID. */
    public void expireAllSessions() {
        ctx.sessions().expireAll();
    }

    /** Requests received for one operation (lower case, as VTiger reads it), failed or injected ones included. */
    public int calls(String operation) {
        return calls.get(operation.toLowerCase(java.util.Locale.ROOT));
    }

    public Map<String, Integer> callCounts() {
        return calls.snapshot();
    }

    public void resetCallCounts() {
        calls.reset();
    }

    /** Stored records of Leads, Contacts, Users or Groups as the API shows them, converted leads included (+ "converted"). */
    public List<Map<String, String>> records(String module) {
        return ctx.store().snapshot(schema(module));
    }

    /** Seeds one more record, with the fixture format's conventions (relative times, converted flag). */
    public void addRecord(String module, Map<String, String> fields) {
        seeder.seed(schema(module).name(), fields);
    }

    /**
     * Converts a lead as VTiger's "Convert Lead" does: the lead disappears from queries and a Contact with its name,
     * email, phones and owner takes its place (created now).
     */
    public void convertLead(String id) {
        ModuleSchema leads = schema("Leads");
        long crmid = Long.parseLong(id.substring(id.indexOf('x') + 1));
        Map<String, String> lead = ctx.store().find(leads, crmid)
                .orElseThrow(() -> new IllegalArgumentException("no lead " + id)).fields();
        if (!ctx.store().markConverted(leads, crmid)) {
            throw new IllegalArgumentException("no lead " + id);
        }
        Map<String, String> contact = new java.util.LinkedHashMap<>();
        for (String field : List.of("firstname", "lastname", "email", "secondaryemail", "phone", "mobile", "assigned_user_id")) {
            contact.put(field, lead.getOrDefault(field, ""));
        }
        contact.put("createdtime", "now-PT0S");
        contact.put("modifiedtime", "now-PT0S");
        seeder.seed(schema("Contacts").name(), contact);
    }

    private ModuleSchema schema(String module) {
        return ctx.schemas().byName(module).orElseThrow(() -> new IllegalArgumentException("unknown module " + module));
    }

    /** Stops at once: held and delayed requests are released and their connections dropped. */
    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        server.stop(0);
        workers.shutdownNow();
    }
}
