package org.leadrouter.config;

/** Where the daemon serves its metrics (Prometheus) and health: Camel's embedded management server. */
public record ManagementSettings(boolean enabled, String host, int port) {
}
