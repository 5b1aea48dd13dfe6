package org.leadrouter.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A numbered rule: when every condition matches, the lead goes to {@code pool}; with {@code overflow}, to the
 * default pool when that pool is full or has nobody today.
 */
public record RoutingRule(int number, List<RuleCondition> conditions, String pool, boolean overflow) {

    public RoutingRule {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(pool, "pool == null");
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("rule " + number + " has no condition");
        }
    }

    /** The match, naming each column and the lead's value that satisfied it, or empty. */
    public Optional<RuleMatch> match(LeadAttributes lead) {
        List<RuleMatch.Matched> matched = new ArrayList<>(conditions.size());
        for (RuleCondition c : conditions) {
            Optional<String> value = c.match(lead);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            matched.add(new RuleMatch.Matched(c.column(), value.get()));
        }
        return Optional.of(new RuleMatch(this, matched));
    }
}
