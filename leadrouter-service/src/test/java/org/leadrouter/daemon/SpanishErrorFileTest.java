package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.LogCapture;

/** The .error.txt beside a rejected file speaks the team's language (Spanish by default); the log stays English. */
class SpanishErrorFileTest {
    @RegisterExtension
    final DaemonHarness harness = DaemonHarness.perTest();

    @Test
    void theReasonIsInSpanishBesideTheFileAndInEnglishInTheLog() throws Exception {
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            harness.start(Map.of("language", "es"));
            harness.drop("vacio.csv", new byte[0]);
            harness.awaitRejected("vacio.csv");

            String text = Files.readString(harness.error().resolve("vacio.csv.error.txt"));
            assertThat(text).startsWith("leadrouter no ha podido procesar el archivo \"vacio.csv\".")
                    .contains("Motivo: el archivo está vacío (0 bytes)")
                    .contains("No se ha enviado nada de este archivo al CRM");
            String warnings = String.join("\n", log.messages(Level.WARN));
            assertThat(warnings).contains("the file is empty (0 bytes)").doesNotContain("está vacío");
        }
    }
}
