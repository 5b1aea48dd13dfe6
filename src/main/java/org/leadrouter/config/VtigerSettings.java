package org.leadrouter.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/** How to reach VTiger: endpoint, credentials, server time zone, timeouts and retry bounds. */
public record VtigerSettings(URI endpoint, String username, Secret accessKey, ZoneId serverZone,
                             Duration connectTimeout, Duration readTimeout,
                             int retryAttempts, Duration initialBackoff, Duration maxBackoff) {
}
