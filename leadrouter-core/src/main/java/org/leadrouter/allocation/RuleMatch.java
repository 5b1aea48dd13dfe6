package org.leadrouter.allocation;

import java.util.List;

/** Which rule sent a lead to its pool, and the lead's values that matched it. */
public record RuleMatch(RoutingRule rule, List<Matched> matched) {

    public RuleMatch {
        matched = List.copyOf(matched);
    }

    /** A column key and the lead's value in it. */
    public record Matched(String column, String value) {
    }
}
