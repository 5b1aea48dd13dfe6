package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the sales team reads from `run`: Spanish by default, English with language=en; Status values stay as they are. */
class LanguageTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private Path leads() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales",
                "Sin Contacto,nada,12,Salud,28/07/2025,SEO",
                "Ana Repetida,JUAN@example.com,,Salud,28/07/2025,SEO",
                "Luis Emoji 😀,luis@example.com,611223344,Salud,31/02/2025,SEO");
    }

    @Test
    void byDefaultTheSummaryAndTheDetailsAreInSpanishAndTheStatusesStayAsTheyAre() throws Exception {
        Harness.Run run = h.set("language", null).apply(leads());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.out()).contains("aplicado (apply", "4 filas", "creados (created)", "no válidos (invalid)",
                "duplicados (duplicate)", "Grupos: todos: 2 creados\n", "Asesores (", "carga de hoy / tope", "Informe: ");
        List<CSVRecord> report = run.report(';'); // a Spanish Excel splits a double-clicked CSV on ';'
        assertThat(report).extracting(r -> r.get("Status")).containsExactly("created", "invalid", "duplicate",
                "created");
        assertThat(report.get(1).get("Detail")).isEqualTo("sin email ni teléfono válidos: el email «nada» no es "
                + "una dirección válida; el teléfono «12» no es un número válido");
        assertThat(report.get(2).get("Detail")).startsWith("mismo email que la fila 2 de este archivo");
        assertThat(report.get(3).get("Detail"))
                .contains("nombre: se han quitado emojis o símbolos que el CRM no puede guardar")
                .contains("la fecha de entrada «31/02/2025» no es una fecha día/mes/año");
        assertThat(report).extracting(r -> r.get("Detail")).noneMatch(d -> d.contains(" the "));
    }

    @Test
    void englishWhenTheSettingSaysSo() throws Exception {
        Harness.Run run = h.set("language", "en").apply(leads());

        assertThat(run.out()).contains("apply, 4 rows", "Advisors (", "Report: ");
        assertThat(run.report().get(1).get("Detail")).isEqualTo("no valid email or phone: email 'nada' is not an "
                + "address; phone '12' is not a valid number");
    }

    @Test
    void aFileThatCannotBeUsedIsExplainedInSpanish() throws Exception {
        Path pdf = Files.write(h.dir.resolve("leads.csv"), "%PDF-1.4\n".getBytes());

        Harness.Run run = h.set("language", null).dryRun(pdf);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: el archivo no se puede usar: es un documento PDF, no un CSV ni un libro "
                + "de Excel: exporte los leads como CSV o como libro de Excel (.xlsx)");
    }

    @Test
    void anUnknownLanguageIsAConfigurationError() throws Exception {
        Harness.Run run = h.set("language", "fr").dryRun(leads());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("language");
    }
}
