package org.leadrouter.glance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.failure.Failure;

/**
 * Whether the inbox flows: how many files wait to be taken, how long the oldest has waited, the files that cannot
 * leave (skipped, shown apart: they hold nothing back), and — when files have waited longer than they should with
 * nothing leaving the inbox — since when, and what failed last (if anything did).
 *
 * @param waiting      files waiting to be taken (the skipped ones apart)
 * @param oldestAge    how long the oldest of them has waited since the service first saw it
 * @param stalledSince when the inbox stopped moving; null while it flows
 * @param lastFailure  the kind of the last failure met by an inbox file; null when none since a file last left
 * @param skipped      files that cannot leave the inbox (their rights or their folder's), each with the team's reason
 */
public record InboxStatus(int waiting, Duration oldestAge, Instant stalledSince, Failure.Kind lastFailure,
                          List<Skipped> skipped) {
    public static final InboxStatus FLOWING = new InboxStatus(0, Duration.ZERO, null, null, List.of());

    /** A file left in the inbox because it cannot be moved; the others go on. */
    public record Skipped(String fileName, String reason) {
        public Skipped {
            Objects.requireNonNull(fileName, "fileName == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    public InboxStatus {
        Objects.requireNonNull(oldestAge, "oldestAge == null");
        skipped = List.copyOf(skipped);
        if (waiting < 0) {
            throw new IllegalArgumentException("waiting < 0: " + waiting);
        }
    }

    public boolean stalled() {
        return stalledSince != null;
    }

    public Optional<Failure.Kind> failure() {
        return Optional.ofNullable(lastFailure);
    }
}
