package org.leadrouter.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.config.ManagementSettings;
import org.leadrouter.metrics.LeadrouterMetrics;
import org.leadrouter.metrics.VtigerHealthCheck;

class ManagementServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LeadrouterMetrics metrics = new LeadrouterMetrics(registry);
    private final VtigerHealthCheck vtiger = new VtigerHealthCheck();
    private final Main main = new Main();

    @AfterEach
    void stop() {
        main.stop();
    }

    @Test
    void servesOurMetricsAndTheVtigerHealthOnTheManagementPort() throws Exception {
        ManagementServer.configure(main, new ManagementSettings(true, "127.0.0.1", 0), registry, vtiger);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ping").routeId("ping").setBody(constant("pong"));
            }
        });
        main.start();
        int port = ManagementServer.boundPort(main.getCamelContext()).orElseThrow();
        main.getCamelContext().createProducerTemplate().sendBody("direct:ping", "ping");
        metrics.fileFinished(LeadrouterMetrics.FILE_PROCESSED);
        metrics.called("login", "ok", Duration.ofMillis(12));

        HttpResponse<String> scrape = get(port, "/observe/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("leadrouter_files_total{outcome=\"processed\"} 1")
                .contains("leadrouter_vtiger_calls_seconds_count{operation=\"login\",outcome=\"ok\"} 1")
                // Camel's own route metrics land in the same registry.
                .contains("routeId=\"ping\"");

        HttpResponse<String> healthy = get(port, "/observe/health");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("\"vtiger\"");

        vtiger.called("query", "unavailable", Duration.ofSeconds(10));
        HttpResponse<String> down = get(port, "/observe/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"vtiger\"").contains("DOWN").contains("VTiger is unreachable");
        // VTiger being down is no reason to restart leadrouter: liveness stays UP.
        HttpResponse<String> live = get(port, "/observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("\"vtiger\"");
        assertThat(get(port, "/observe/health/ready").statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDisabledManagementServerOpensNoPortButCamelStillCountsIntoOurRegistry() {
        ManagementServer.configure(main, new ManagementSettings(false, "127.0.0.1", 0), registry, vtiger);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ping").routeId("ping").setBody(constant("pong"));
            }
        });
        main.start();
        main.getCamelContext().createProducerTemplate().sendBody("direct:ping", "ping");

        assertThat(ManagementServer.boundPort(main.getCamelContext())).isEmpty();
        assertThat(registry.scrape()).contains("routeId=\"ping\"");
    }

    @Test
    void theCamelPropertiesNameTheConfiguredHostAndPort() {
        assertThat(ManagementServer.properties(new ManagementSettings(true, "127.0.0.1", 9876)))
                .containsEntry("camel.management.enabled", "true")
                .containsEntry("camel.management.host", "127.0.0.1")
                .containsEntry("camel.management.port", "9876")
                .containsEntry("camel.management.metricsEnabled", "true")
                .containsEntry("camel.management.healthCheckEnabled", "true")
                .containsEntry("camel.metrics.enabled", "true")
                .containsEntry("camel.management.sendEnabled", "false")
                .containsEntry("camel.management.uploadEnabled", "false");
    }
}
