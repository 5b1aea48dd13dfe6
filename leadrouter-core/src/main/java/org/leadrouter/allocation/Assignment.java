package org.leadrouter.allocation;

import java.util.Optional;

/** The outcome for one lead: the advisor (empty when deferred) and why. */
public record Assignment(Optional<Advisor> advisor, Explanation explanation) {
}
