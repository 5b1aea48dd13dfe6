package org.leadrouter.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How to reach VTiger: endpoint, credentials, server time zone, timeouts, retry bounds, the trust store of a
 * private CA (empty: the JVM's trusted CAs), and how many requests may be in flight at once (one session each).
 */
public record VtigerSettings(URI endpoint, String username, Secret accessKey, ZoneId serverZone,
                             Duration connectTimeout, Duration readTimeout,
                             int retryAttempts, Duration initialBackoff, Duration maxBackoff,
                             Optional<TrustStore> trustStore, int maxConcurrency) {
}
