package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.metrics.DiskHealthCheck;
import org.leadrouter.testing.Await;
import org.leadrouter.testing.PoisonFiles;
import org.leadrouter.testing.Workbooks;
import org.leadrouter.testing.Workbooks.Sheet;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * Files no reader can use, dropped ahead of good ones: each goes to error/ with the reason in the team's words, the
 * good files behind them are taken at once, and health's disk stays UP all the while (no folder failed).
 */
class PoisonFilesTest {
    private static final String HEADER = "Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n";

    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();
    private final DiskHealthCheck disk = new DiskHealthCheck();

    /** Drops {@code content} dated {@code minutesAgo}, so that the inbox takes it before newer files. */
    private Path dropAged(String name, byte[] content, int minutesAgo) throws Exception {
        Path file = harness.drop(name, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(minutesAgo))));
        return file;
    }

    @Test
    void anExcel95WorkbookAndAZipBombGoToErrorAndTheGoodFilesBehindThemAreTakenAtOnce() throws Exception {
        harness.start(Map.of(), Clock.systemDefaultZone(), VtigerCallListener.NONE, disk);
        byte[] goodWorkbook = Workbooks.xlsx(new Sheet("Hoja1").row("Nombre", "Email").row("Ana Buena", "ana.buena@example.com"));
        dropAged("viejo.xls", PoisonFiles.excel95(), 10);
        dropAged("bomba.xlsx", PoisonFiles.zipBomb(goodWorkbook, 40), 9);
        Path good = dropAged("bueno.csv", (HEADER + "Luis Bueno;luis.bueno@example.com;;Salud;28/07/2025;Portales\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), 8);

        List<HealthCheck.State> seen = new ArrayList<>();
        Await.until("the good file archived", Duration.ofSeconds(30), () -> {
            seen.add(disk.call().getState());
            return !Files.exists(good);
        });

        assertThat(seen).as("disk health while the files waited").doesNotContain(HealthCheck.State.DOWN);
        assertThat(harness.leadsWithEmail("luis.bueno@example.com")).isEqualTo(1);
        harness.awaitRejected("viejo.xls", "bomba.xlsx");
        assertThat(Files.readString(harness.error().resolve("viejo.xls.error.txt"))).contains("Excel 5.0/95")
                .doesNotContain("Exception").doesNotContain("POI");
        assertThat(Files.readString(harness.error().resolve("bomba.xlsx.error.txt")))
                .contains("far larger than the file").doesNotContain("Exception").doesNotContain("Zip bomb");
        assertThat(disk.call().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
