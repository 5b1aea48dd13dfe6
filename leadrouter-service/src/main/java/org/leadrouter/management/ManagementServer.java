package org.leadrouter.management;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.ManagementSettings;

/**
 * Turns on Camel's embedded management server in a camel-main {@link Main}: Prometheus metrics at
 * {@value #METRICS_PATH} (from our registry, which Camel's own route metrics share) and health at {@value #HEALTH_PATH}.
 */
public final class ManagementServer {
    public static final String METRICS_PATH = "/observe/metrics";
    public static final String HEALTH_PATH = "/observe/health";
    /** The bean name camel-micrometer-prometheus looks up before creating a registry of its own. */
    public static final String REGISTRY_BEAN = "metricsRegistry";

    private ManagementServer() {
    }

    /**
     * Prepares {@code main} before it starts: binds {@code registry} as {@value #REGISTRY_BEAN}, sets the
     * {@link #properties(ManagementSettings) camel.* properties} as initial properties (a properties file of the
     * application may still override them), and registers {@code checks} in Camel's health-check registry once the
     * context is configured.
     */
    public static void configure(Main main, ManagementSettings settings, PrometheusMeterRegistry registry,
                                 HealthCheck... checks) {
        Objects.requireNonNull(main, "main == null");
        Objects.requireNonNull(registry, "registry == null");
        main.bind(REGISTRY_BEAN, registry);
        properties(settings).forEach(main::addInitialProperty);
        List<HealthCheck> toRegister = List.of(checks);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                HealthCheckRegistry health = HealthCheckRegistry.get(configured.getCamelContext());
                toRegister.forEach(health::register);
            }
        });
    }

    /**
     * Fails the start when the management port is taken (by another program, or a second leadrouter): without it the
     * daemon would run blind, with no metrics and no health. Port 0 (any free port) always works.
     */
    public static void requirePortFree(ManagementSettings settings) {
        if (!settings.enabled() || settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (IOException e) {
            throw new ConfigException("management.port", settings.host() + ":" + settings.port() + " is already in use"
                    + " (another program, or another leadrouter, listens there): stop it, or give this one another"
                    + " management.port (management.enabled=false turns metrics and health off)");
        }
    }

    /**
     * The camel-main properties that serve metrics and health. Properties rather than
     * {@code MainConfigurationProperties} setters: camel-main hands only properties (not, for example, the binders
     * set in code) to camel-micrometer-prometheus.
     */
    public static Map<String, String> properties(ManagementSettings settings) {
        Objects.requireNonNull(settings, "settings == null");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.metrics.enabled", "true");
        p.put("camel.metrics.path", METRICS_PATH);
        // Route and exchange timings; per-node history would multiply the series for little use.
        p.put("camel.metrics.enableRoutePolicy", "true");
        p.put("camel.metrics.enableMessageHistory", "false");
        // per-exchange timers add nothing to the route timers, and clash in Prometheus when the pipeline is
        // entered from code (no route id) as well as from a route
        p.put("camel.metrics.enableExchangeEventNotifier", "false");
        p.put("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor,uptime,file-descriptor");
        p.put("camel.health.enabled", "true");
        // "full": every check with its message (the vtiger check says why it is DOWN), not only the failing ones.
        p.put("camel.health.exposureLevel", "full");
        p.put("camel.management.enabled", String.valueOf(settings.enabled()));
        p.put("camel.management.host", settings.host());
        p.put("camel.management.port", String.valueOf(settings.port()));
        p.put("camel.management.metricsEnabled", "true");
        p.put("camel.management.healthCheckEnabled", "true");
        p.put("camel.management.healthPath", HEALTH_PATH);
        // Nothing that could change the running daemon or reveal its files: the server has no authentication.
        p.put("camel.management.infoEnabled", "false");
        p.put("camel.management.devConsoleEnabled", "false");
        p.put("camel.management.jolokiaEnabled", "false");
        p.put("camel.management.uploadEnabled", "false");
        p.put("camel.management.downloadEnabled", "false");
        p.put("camel.management.sendEnabled", "false");
        return p;
    }

    /**
     * Serves an HTML page at {@code path} on the management server, once it runs (nothing happens when it does not):
     * a GET renders {@code html} afresh, off the event loop; a HEAD answers the same without the body (a monitor
     * checking that the page is up).
     */
    public static void serve(CamelContext context, String path, Supplier<String> html) {
        ManagementHttpServer management = context.hasService(ManagementHttpServer.class);
        if (management == null || management.getRouter() == null) {
            return;
        }
        management.getRouter().route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).blockingHandler(request -> {
            try {
                String page = html.get();
                HttpServerResponse response = request.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store");
                if (request.request().method() == HttpMethod.HEAD) {
                    // the same headers, the length the body would have, and no body
                    response.putHeader("Content-Length",
                            String.valueOf(page.getBytes(StandardCharsets.UTF_8).length)).end();
                } else {
                    response.end(page);
                }
            } catch (RuntimeException e) {
                request.fail(500, e);
            }
        }, false);
    }

    /** The port the management server listens on once started: the real one when configured with port 0. */
    public static OptionalInt boundPort(CamelContext context) {
        ManagementHttpServer management = context.hasService(ManagementHttpServer.class);
        if (management == null) {
            return OptionalInt.empty();
        }
        // The management server runs on a Vert.x server of its own (or shares the main one on the same port).
        for (VertxPlatformHttpServer server : context.hasServices(VertxPlatformHttpServer.class)) {
            if (server.getConfigurationPort() == management.getPort() && server.getPort() > 0) {
                return OptionalInt.of(server.getPort());
            }
        }
        return OptionalInt.empty();
    }
}
