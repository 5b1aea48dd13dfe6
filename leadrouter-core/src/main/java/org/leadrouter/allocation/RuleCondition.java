package org.leadrouter.allocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One column test of a rule: the lead's value in {@code column} (a column key) matches one of {@code values}. */
public record RuleCondition(String column, List<ValuePattern> values) {

    public RuleCondition {
        Objects.requireNonNull(column, "column == null");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition on " + column + " needs at least one value");
        }
    }

    /** The lead's value when it matches, else empty. */
    public Optional<String> match(LeadAttributes lead) {
        String folded = lead.folded(column);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        for (ValuePattern p : values) {
            if (p.matchesFolded(folded)) {
                return Optional.of(lead.value(column));
            }
        }
        return Optional.empty();
    }
}
