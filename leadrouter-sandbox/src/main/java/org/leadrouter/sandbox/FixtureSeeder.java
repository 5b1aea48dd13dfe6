package org.leadrouter.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns fixture records into stored rows: resolves {@code now-PT2H}-style times against the
 * sandbox clock, fills the defaults VTiger would have, and reads the {@code converted} flag.
 */
final class FixtureSeeder {

    /** What a record created long before anyone looks at the sandbox shows. */
    static final String OLD_DATE = "2020-01-15 09:00:00";

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    private final SandboxContext ctx;

    FixtureSeeder(SandboxContext ctx) {
        this.ctx = ctx;
    }

    void seed(SandboxFixture fixture) {
        fixture.users().forEach(u -> seed(ModuleSchemas.USERS, u));
        fixture.groups().forEach(g -> seed(ModuleSchemas.GROUPS, g));
        fixture.leads().forEach(l -> seed(ModuleSchemas.LEADS, l));
        fixture.contacts().forEach(c -> seed(ModuleSchemas.CONTACTS, c));
    }

    StoredRecord seed(String module, Map<String, String> fields) {
        ModuleSchema schema = ctx.schemas().byName(module)
                .orElseThrow(() -> new IllegalArgumentException("unknown module " + module));
        Map<String, String> row = new LinkedHashMap<>(fields);
        boolean converted = TRUE.contains(row.getOrDefault("converted", "0").toLowerCase(Locale.ROOT));
        if (ModuleSchemas.USERS.equals(schema.name())) {
            row.putIfAbsent("status", "Active");
            row.putIfAbsent("is_admin", "off");
            row.putIfAbsent("time_zone", "UTC");
            // A bcrypt-looking hash: VTiger leaks it through SELECT *, so it must look real.
            row.putIfAbsent("user_password", "$2y$10$" + AuthOperations.md5Hex(row.getOrDefault("user_name", "")).substring(0, 22)
                    + "sandboxsandboxsandboxsandboxsan");
            row.put("roleid", ""); // 8.1 never fills it through the webservice
        } else if (schema.numberField() != null) {
            String created = resolve(row.getOrDefault("createdtime", OLD_DATE));
            row.put("createdtime", created);
            row.put("modifiedtime", resolve(row.getOrDefault("modifiedtime", created)));
        }
        return ctx.store().insert(schema, row, converted);
    }

    /** {@code now}, {@code now-PT2H}, {@code now+P1D} against the sandbox clock; anything else verbatim. */
    String resolve(String value) {
        String v = value.trim();
        if (!v.toLowerCase(Locale.ROOT).startsWith("now")) {
            return value;
        }
        Instant now = ctx.now();
        String rest = v.substring(3).trim();
        if (rest.isEmpty()) {
            return ctx.format(now);
        }
        Duration d;
        try {
            d = Duration.parse(rest.substring(1).trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad relative time '" + value + "': use now-PT2H, now-P3DT4H...", e);
        }
        return ctx.format(rest.charAt(0) == '-' ? now.minus(d) : now.plus(d));
    }
}
