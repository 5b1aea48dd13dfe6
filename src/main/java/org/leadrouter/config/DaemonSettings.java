package org.leadrouter.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The daemon's folders and rhythm: inbox, outbox, archive and error folders, whether leads are created
 * ({@code apply}) or only planned, how often the inbox is polled, how long a file must stay unchanged before it
 * is taken, the bounds of the back-off while VTiger is unavailable, and how often the deferred queue is looked at.
 */
public record DaemonSettings(Path inbox, Path outbox, Path archive, Path error, boolean apply,
                             Duration pollInterval, Duration stableTime,
                             Duration retryInitialBackoff, Duration retryMaxBackoff, Duration deferredCheck) {
}
