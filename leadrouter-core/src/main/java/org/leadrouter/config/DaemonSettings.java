package org.leadrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's folders and rhythm: inbox, outbox, archive and error folders, whether leads are created
 * ({@code apply}) or only planned, how often the inbox is polled, how long a file must stay unchanged before it
 * is taken, the bounds of the back-off while VTiger is unavailable, and how often the deferred queue is looked at;
 * a text file whose last line has no line end yet (a sender stalled mid-row) waits {@code unterminatedLineTime}.
 */
public record DaemonSettings(Path inbox, Path outbox, Path archive, Path error, boolean apply,
                             Duration pollInterval, Duration stableTime,
                             Duration retryInitialBackoff, Duration retryMaxBackoff, Duration deferredCheck,
                             Duration unterminatedLineTime) {
    /** The default wait for a last line without its line end. */
    public static final Duration UNTERMINATED_LINE_TIME = Duration.ofMinutes(5);

    /** Settings with the default {@link #UNTERMINATED_LINE_TIME}. */
    public DaemonSettings(Path inbox, Path outbox, Path archive, Path error, boolean apply, Duration pollInterval,
                          Duration stableTime, Duration retryInitialBackoff, Duration retryMaxBackoff,
                          Duration deferredCheck) {
        this(inbox, outbox, archive, error, apply, pollInterval, stableTime, retryInitialBackoff, retryMaxBackoff,
                deferredCheck, UNTERMINATED_LINE_TIME);
    }

    /** The four folders by the key that sets each, in the order an admin reads them. */
    public Map<String, Path> folders() {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("paths.inbox", inbox);
        folders.put("paths.outbox", outbox);
        folders.put("paths.archive", archive);
        folders.put("paths.error", error);
        return folders;
    }
}
