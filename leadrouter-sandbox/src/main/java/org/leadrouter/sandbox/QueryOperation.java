package org.leadrouter.sandbox;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code query} operation: module check, VTQL parse, then execution over visible rows. */
final class QueryOperation {

    /** VtigerWebserviceObject::fromQuery finds the module with this pattern before any parsing. */
    private static final Pattern FROM = Pattern.compile("[fF][rR][oO][mM]\\s+([^\\s;]+)");

    private final SandboxContext ctx;

    QueryOperation(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** @param caller the session's user id: only an admin may read Users */
    List<Map<String, String>> run(String vtql, long caller) {
        String text = vtql == null ? "" : vtql;
        Matcher m = FROM.matcher(text);
        if (!m.find()) {
            throw VtigerError.accessDenied("Permission to perform the operation is denied for query");
        }
        ModuleSchema named = ctx.schemas().byName(m.group(1)).orElseThrow(() -> VtigerError.unknownModule(m.group(1)));
        // vtws_listtypes leaves Users out for a user who is not an admin
        if (ModuleSchemas.USERS.equals(named.name()) && !ctx.store().isAdmin(caller)) {
            throw VtigerError.operationDenied();
        }
        ParsedVtql query = VtqlParser.parse(text);
        ModuleSchema schema = ctx.schemas().byName(query.module())
                .orElseThrow(() -> VtigerError.unknownModule(query.module()));
        return new VtqlExecutor(schema, ctx.store(), ctx.leftToRightWhere()).run(query, ctx.store().visible(schema));
    }
}
