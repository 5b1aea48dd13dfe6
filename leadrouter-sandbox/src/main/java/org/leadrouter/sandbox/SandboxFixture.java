package org.leadrouter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data and settings a sandbox starts with. Record values are kept as written (relative times
 * such as {@code now-PT2H} included) and resolved when a sandbox loads them.
 *
 * <p>JSON format: {@code serverTimezone} (default UTC), {@code typeIds} (defaults Leads 10,
 * Contacts 12, Users 19, Groups 20), {@code whereEvaluation} ({@code "mysql"}, the default, or
 * {@code "left-to-right"}), and arrays {@code users}, {@code groups}, {@code leads},
 * {@code contacts} of flat objects whose keys are webservice field names. {@code id} is optional;
 * {@code createdtime}/{@code modifiedtime} may be {@code now-<ISO-8601 duration>}; a lead with
 * {@code "converted": "1"} is stored but hidden from queries.
 */
public final class SandboxFixture {

    static final Map<String, Integer> DEFAULT_TYPE_IDS = Map.of(
            ModuleSchemas.LEADS, 10, ModuleSchemas.CONTACTS, 12, ModuleSchemas.USERS, 19, ModuleSchemas.GROUPS, 20);

    private final ZoneId serverTimezone;
    private final Map<String, Integer> typeIds;
    private final List<Map<String, String>> users;
    private final List<Map<String, String>> groups;
    private final List<Map<String, String>> leads;
    private final List<Map<String, String>> contacts;
    private final boolean leftToRightWhere;
    private final Clock clock;

    private SandboxFixture(Builder b) {
        this.serverTimezone = b.serverTimezone;
        this.typeIds = Map.copyOf(b.typeIds);
        this.users = List.copyOf(b.users);
        this.groups = List.copyOf(b.groups);
        this.leads = List.copyOf(b.leads);
        this.contacts = List.copyOf(b.contacts);
        this.leftToRightWhere = b.leftToRightWhere;
        this.clock = b.clock;
    }

    /** Reads the fixture JSON format (serverTimezone, typeIds, users, groups, leads, contacts). */
    public static SandboxFixture load(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return parse(in);
        }
    }

    /** The built-in demo data: classpath resource {@code /sandbox/demo-fixture.json}. */
    public static SandboxFixture demo() {
        try (InputStream in = SandboxFixture.class.getResourceAsStream("/sandbox/demo-fixture.json")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource /sandbox/demo-fixture.json");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo users plus random Spanish leads and contacts, reproducible from {@code seed}. */
    public static SandboxFixture generated(int leads, int contacts, long seed) {
        return FixtureGenerator.generate(demo(), leads, contacts, seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with this fixture's content. */
    public Builder toBuilder() {
        Builder b = new Builder().serverTimezone(serverTimezone).clock(clock).leftToRightWhere(leftToRightWhere);
        typeIds.forEach(b::typeId);
        users.forEach(b::user);
        groups.forEach(b::group);
        leads.forEach(b::lead);
        contacts.forEach(b::contact);
        return b;
    }

    static SandboxFixture parse(InputStream in) throws IOException {
        JsonNode root = PhpJson.MAPPER.readTree(in);
        Builder b = builder();
        if (root.hasNonNull("serverTimezone")) {
            b.serverTimezone(ZoneId.of(root.get("serverTimezone").asText()));
        }
        if (root.has("typeIds")) {
            root.get("typeIds").fields().forEachRemaining(e -> b.typeId(e.getKey(), e.getValue().asInt()));
        }
        if (root.hasNonNull("whereEvaluation")) {
            b.leftToRightWhere("left-to-right".equalsIgnoreCase(root.get("whereEvaluation").asText()));
        }
        records(root, "users").forEach(b::user);
        records(root, "groups").forEach(b::group);
        records(root, "leads").forEach(b::lead);
        records(root, "contacts").forEach(b::contact);
        return b.build();
    }

    private static List<Map<String, String>> records(JsonNode root, String name) {
        List<Map<String, String>> out = new ArrayList<>();
        JsonNode array = root.path(name);
        for (JsonNode item : array) {
            Map<String, String> record = new LinkedHashMap<>();
            item.fields().forEachRemaining(e -> record.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            out.add(record);
        }
        return out;
    }

    public ZoneId serverTimezone() {
        return serverTimezone;
    }

    public Map<String, Integer> typeIds() {
        return typeIds;
    }

    public List<Map<String, String>> users() {
        return users;
    }

    public List<Map<String, String>> groups() {
        return groups;
    }

    public List<Map<String, String>> leads() {
        return leads;
    }

    public List<Map<String, String>> contacts() {
        return contacts;
    }

    /** True when WHERE conditions are folded strictly left to right instead of with MySQL's AND-before-OR. */
    public boolean leftToRightWhere() {
        return leftToRightWhere;
    }

    /** The sandbox's clock (a test may pass one it moves by hand). */
    public Clock clock() {
        return clock;
    }

    /** Programmatic fixtures for tests. */
    public static final class Builder {
        private ZoneId serverTimezone = ZoneOffset.UTC;
        private final Map<String, Integer> typeIds = new LinkedHashMap<>(DEFAULT_TYPE_IDS);
        private final List<Map<String, String>> users = new ArrayList<>();
        private final List<Map<String, String>> groups = new ArrayList<>();
        private final List<Map<String, String>> leads = new ArrayList<>();
        private final List<Map<String, String>> contacts = new ArrayList<>();
        private boolean leftToRightWhere;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder serverTimezone(ZoneId zone) {
            serverTimezone = zone;
            return this;
        }

        /** The webservice type id (the {@code 10} of {@code 10x5}) of Leads, Contacts, Users or Groups. */
        public Builder typeId(String module, int id) {
            typeIds.put(module, id);
            return this;
        }

        /** A user with any fields: id, user_name, first_name, last_name, email1, is_admin, status, accesskey... */
        public Builder user(Map<String, String> fields) {
            users.add(new LinkedHashMap<>(fields));
            return this;
        }

        /** An active admin that can log in with {@code accessKey}, as the API user is. */
        public Builder apiUser(String userName, String accessKey) {
            return user(Map.of("user_name", userName, "last_name", userName, "email1", userName + "@example.com",
                    "is_admin", "on", "status", "Active", "accesskey", accessKey));
        }

        /** A plain user, active or not, without admin rights. */
        public Builder advisor(String userName, boolean active) {
            return user(Map.of("user_name", userName, "last_name", userName, "email1", userName + "@example.com",
                    "is_admin", "off", "status", active ? "Active" : "Inactive", "accesskey", userName + "-key"));
        }

        public Builder group(Map<String, String> fields) {
            groups.add(new LinkedHashMap<>(fields));
            return this;
        }

        /** A lead; {@code converted} = "1" hides it from queries. */
        public Builder lead(Map<String, String> fields) {
            leads.add(new LinkedHashMap<>(fields));
            return this;
        }

        public Builder contact(Map<String, String> fields) {
            contacts.add(new LinkedHashMap<>(fields));
            return this;
        }

        /** Evaluate AND/OR strictly left to right instead of MySQL's AND-before-OR. */
        public Builder leftToRightWhere(boolean leftToRight) {
            leftToRightWhere = leftToRight;
            return this;
        }

        /** Clock at load time (resolves relative times) and of the sandbox while it runs. */
        public Builder clock(Clock startClock) {
            clock = startClock;
            return this;
        }

        public SandboxFixture build() {
            return new SandboxFixture(this);
        }
    }
}
