package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.app.Wiring;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.ManagementSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.management.ManagementServer;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.MutableClock;
import org.leadrouter.vtiger.VtigerCallListener;

/** "Today at a glance": written into the outbox after each file, and served by the management server. */
class GlancePageTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();
    private Daemon daemon;
    private Thread thread;

    @AfterEach
    void cleanUp() throws Exception {
        if (daemon != null) {
            daemon.stop();
            thread.join(30_000);
        }
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void pageInTheOutboxAndOnTheManagementServerTellsTodaysFilesLoadsAndQueue() throws Exception {
        Settings settings = Settings.from(ConfigSource.of(harness.config(Map.of("allocation.daily-cap", "3", "language", "es",
                "routing.pool.sanidad", "asesor.ana,asesor.luis", "routing.rule.1.course", "Enfermería",
                "routing.rule.1.pool", "sanidad"))));
        daemon = Wiring.daemon(settings, Clock.systemDefaultZone(), VtigerCallListener.NONE, DaemonEvents.NONE);
        ManagementServer.configure(daemon.main(), new ManagementSettings(true, "127.0.0.1", 0),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        assertThat(daemon.awaitStarted(WAIT)).isTrue();
        Path page = harness.outbox().resolve("hoy.html");
        Await.until("the page written at start", WAIT, () -> Files.exists(page));
        assertThat(Files.readString(page)).contains("Todavía no ha llegado ningún archivo hoy");

        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) { // 3 advisors × cap 3: 9 created, 1 deferred
            csv.append("Persona ").append(i).append(" García;p").append(i).append("@example.com;")
                    .append(600_100_000 + i).append(";Salud;28/07/2025;SEO\n");
        }
        harness.drop("leads de julio.csv", csv.toString());
        harness.drop("factura.pdf.csv", "%PDF-1.4 binary");
        Await.until("both files on the page", WAIT,
                () -> read(page).contains("factura.pdf.csv") && read(page).contains("leads de julio.csv"));

        String html = Files.readString(page);
        String report = harness.reports().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("leads de julio_")).findFirst().orElseThrow();
        assertThat(html).contains("Hoy de un vistazo")
                .contains("asesor.ana: 3 de 3 leads hoy").contains("asesor.juan: 3 de 3 leads hoy")
                .contains("asesor.luis: 3 de 3 leads hoy")
                .contains("todos: 3 miembros, 9 de 9 leads hoy").contains("sanidad: 2 miembros, 6 de 6 leads hoy")
                .contains("href=\"" + report.replace(" ", "%20") + "\"")
                .contains("Rechazado: es un documento PDF, no un CSV")
                .contains("<a href=\"../error/factura.pdf.csv.error.txt\">Rechazado: es un documento PDF")
                .contains("1 lead espera")
                .contains("VTiger responde");
        assertThat(page.resolveSibling("../error/factura.pdf.csv.error.txt").normalize()).as("the linked explanation")
                .exists();
        assertThat(Files.getPosixFilePermissions(page)).extracting(Object::toString)
                .doesNotContain("OTHERS_READ");

        int port = ManagementServer.boundPort(daemon.main().getCamelContext()).orElseThrow();
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + Daemon.GLANCE_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(served.body()).contains("asesor.ana: 3 de 3 leads hoy").contains(report)
                .contains("1 lead espera").doesNotContain("<a href");

        HttpResponse<String> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + Daemon.GLANCE_PATH))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isGreaterThan(1000);
    }

    @Test
    void theLastDaysTellYesterdaysAndTodaysFilesFromTheStateAcrossARestart() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z")); // a Tuesday in Madrid
        harness.useFixture(DaemonHarness.fixture().clock(clock).build());
        Map<String, String> settings = Map.of("language", "es", "allocation.daily-cap", "1",
                "deferred.check-interval", "100ms");
        harness.start(settings, clock, VtigerCallListener.NONE);
        Path page = harness.outbox().resolve("hoy.html");
        // Tuesday: 3 advisors × cap 1 take 3, the 4th waits, the lead VTiger has is a duplicate; a PDF is refused
        StringBuilder tuesday = new StringBuilder(HEADER);
        for (int i = 1; i <= 4; i++) {
            tuesday.append("Persona ").append(i).append(" García;martes").append(i).append("@example.com;")
                    .append(600_200_000 + i).append(";Salud;24/11/2026;SEO\n");
        }
        tuesday.append("Eva Existente;existe@example.com;611000111;Salud;24/11/2026;SEO\n");
        harness.drop("martes.csv", tuesday.toString());
        harness.drop("contrato.pdf.csv", "%PDF-1.4 binary");
        String tuesdayRow = "<tr><td>mar 24 nov (hoy)</td><td class=\"n\">1</td><td class=\"n\">3</td>"
                + "<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">1</td></tr>";
        Await.until("Tuesday's totals on the page", WAIT, () -> read(page).contains(tuesdayRow));
        harness.stop();

        // Wednesday, after a restart: the waiting lead goes out with the day's own file
        clock.advance(Duration.ofDays(1));
        harness.start(settings, clock, VtigerCallListener.NONE);
        harness.drop("miercoles.csv", HEADER + "Luis Pérez;miercoles1@example.com;600300001;Salud;25/11/2026;SEO\n"
                + "Marta Ruiz;miercoles2@example.com;600300002;Salud;25/11/2026;SEO\n");
        String wednesdayRow = "<tr><td>mié 25 nov (hoy)</td><td class=\"n\">1</td><td class=\"n\">3</td>"
                + "<td class=\"n zero\">0</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td></tr>";
        Await.until("Wednesday's totals on the page", WAIT, () -> read(page).contains(wednesdayRow));

        String html = read(page);
        assertThat(html).contains("<h2>Últimos 7 días</h2>")
                .contains("<tr><td>mar 24 nov</td><td class=\"n\">1</td><td class=\"n\">3</td>"
                        + "<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">1</td></tr>")
                .contains("<tr><td>lun 23 nov</td><td class=\"n zero\">0</td>")
                .contains("<tr><td>jue 19 nov</td>").doesNotContain("mié 18 nov")
                .doesNotContain("Planificados (simulación)</th>");
        assertThat(html.indexOf("mié 25 nov (hoy)")).as("today first").isLessThan(html.indexOf("mar 24 nov"));
        assertThat(html).as("no lead's data on the page").doesNotContain("García").doesNotContain("@example.com")
                .doesNotContain("600300001");
        assertThat(harness.sandbox.calls("create")).isEqualTo(6);
    }
}
