package org.leadrouter.allocation;

import java.util.Optional;

/** The pool a lead was sent to, and the rule that chose it (none: the default pool, no rule matched). */
public record PoolChoice(String pool, Optional<RuleMatch> rule, boolean rulesConfigured) {

    public static PoolChoice defaultPool(boolean rulesConfigured) {
        return new PoolChoice(Pool.DEFAULT, Optional.empty(), rulesConfigured);
    }
}
