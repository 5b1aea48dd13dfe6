package org.leadrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daemon's folders and rhythm: inbox, outbox, archive and error folders, whether leads are created
 * ({@code apply}) or only planned, how often the inbox is polled, how long a file must stay unchanged before it
 * is taken, the bounds of the back-off while VTiger is unavailable, and how often the deferred queue is looked at.
 */
public record DaemonSettings(Path inbox, Path outbox, Path archive, Path error, boolean apply,
                             Duration pollInterval, Duration stableTime,
                             Duration retryInitialBackoff, Duration retryMaxBackoff, Duration deferredCheck) {

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
