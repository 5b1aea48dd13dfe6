package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values VTiger mishandles (quotes, backslashes, emoji, overlong names) reach it intact or cleaned with a note. */
class AwkwardValuesTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private Map<String, String> lead(String id) {
        return h.sandbox.records("Leads").stream().filter(l -> id.equals(l.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void emailWithAnApostropheIsCreatedAndFoundAsDuplicateOnTheNextRun() throws Exception {
        Harness.Run first = h.apply(h.csv("Seán O'Brien,O'Brien@Example.com,,Inglés,01/08/2025,Web"));

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(first.row(2).get("Status")).isEqualTo("created");
        String id = first.row(2).get("LeadID");
        assertThat(lead(id)).containsEntry("email", "o'brien@example.com").containsEntry("lastname", "O'Brien");

        Harness.Run second = h.apply(h.csv("Sean OBrien,o'brien@example.com,,Inglés,02/08/2025,Web"));

        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(second.row(2).get("Status")).isEqualTo("duplicate");
        assertThat(second.row(2).get("Detail")).contains("Leads", id, "email");
        assertThat(h.sandbox.calls("create")).isEqualTo(1);
    }

    @Test
    void emailWithAnApostropheAlreadyInTheCrmIsADuplicate() throws Exception {
        h.sandbox.addRecord("Leads", CrmFixtures.oldLead(CrmFixtures.ANA, "D'Angelo", "email", "d'angelo@example.com"));

        Harness.Run run = h.apply(h.csv("Luca D'Angelo,D'ANGELO@example.com,,Inglés,01/08/2025,Web"));

        assertThat(run.row(2).get("Status")).as(run.printed()).isEqualTo("duplicate");
    }

    @Test
    void nameWithDoubleQuoteAndValuesWithBackslashesAreStoredAsWritten() throws Exception {
        Harness.Run run = h.apply(h.csv(
                "\"Ana \"\"la Jefa\"\" Ruiz\",ana.jefa@example.com,,Salud,01/08/2025,Web",
                "Jordi Bosch\\Pons,jordi@example.com,,Salud,01/08/2025,C:\\temp\\web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.column("Status")).containsOnly("created");
        Map<String, String> ana = lead(run.row(2).get("LeadID"));
        assertThat(ana.get("firstname") + " " + ana.get("lastname")).isEqualTo("Ana \"la Jefa\" Ruiz");
        Map<String, String> jordi = lead(run.row(3).get("LeadID"));
        // VTiger 8.1 stores a backslash as sent
        assertThat(jordi).containsEntry("firstname", "Jordi").containsEntry("lastname", "Bosch\\Pons")
                .containsEntry("leadsource", "C:\\temp\\web");
        assertThat(run.row(3).get("Detail")).doesNotContainIgnoringCase("backslash");
        assertThat(run.row(2).get("Nombre")).isEqualTo("Ana \"la Jefa\" Ruiz");
        assertThat(run.row(3).get("Nombre")).isEqualTo("Jordi Bosch\\Pons");
    }

    @Test
    void leadSourceLongerThanVtigerKeepsIsCreatedWithANoteSayingWhatWasCut() throws Exception {
        String source = "Campaña " + "x".repeat(200) + " final";

        Harness.Run run = h.apply(h.csv("Marta Gil,marta.gil@example.com,,Salud,01/08/2025," + source));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertThat(run.row(2).get("Detail")).contains("source (field 'leadsource'): VTiger kept only the first 200 characters")
                .contains("final");
        assertThat(lead(run.row(2).get("LeadID")).get("leadsource")).hasSize(200);
    }

    @Test
    void courseInAStandardLeadFieldSuchAsIndustryIsStoredThere() throws Exception {
        h.set("lead.course-field", "industry");

        Harness.Run run = h.apply(h.csv("Marta Gil,marta.gil@example.com,,Educación Infantil,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertThat(lead(run.row(2).get("LeadID"))).containsEntry("industry", "Educación Infantil");
        assertThat(run.row(2).get("Detail")).doesNotContain("VTiger kept", "did not store", "cut to");
    }

    @Test
    void longNameIsSplitSoThatNothingIsLost() throws Exception {
        String full = "Ana Belén María Dolores Inmaculada Concepción Esperanza Fernández López";

        Harness.Run run = h.apply(h.csv(full + ",ana.belen@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        Map<String, String> ana = lead(run.row(2).get("LeadID"));
        assertThat(ana.get("firstname") + " " + ana.get("lastname")).isEqualTo(full);
        assertThat(run.row(2).get("Detail")).doesNotContain("VTiger kept", "did not store", "cut to");
    }

    @Test
    void tabAndZeroWidthSpaceInsideValuesAreRemovedWithANote() throws Exception {
        Harness.Run run = h.apply(h.csv("\"Luis\tMora\",luis\u200B.mora@example.com,,Sal\u200Bud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        Map<String, String> luis = lead(run.row(2).get("LeadID"));
        assertThat(luis).containsEntry("firstname", "Luis").containsEntry("lastname", "Mora")
                .containsEntry("email", "luis.mora@example.com");
        assertThat(run.row(2).get("Detail")).contains("tabs or line breaks replaced by spaces")
                .contains("email: removed invisible characters").contains("course: removed invisible characters");
    }

    @Test
    void emojiIsRemovedWithANoteInsteadOfBecomingQuestionMarks() throws Exception {
        Harness.Run run = h.apply(h.csv("Lucía 😀 Torres 👩‍⚕️,lucia.torres@example.com,,Salud 💉,01/08/2025,Instagram 📷"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertThat(run.row(2).get("Detail")).contains("emoji");
        Map<String, String> lucia = lead(run.row(2).get("LeadID"));
        assertThat(lucia).containsEntry("firstname", "Lucía").containsEntry("lastname", "Torres")
                .containsEntry("leadsource", "Instagram");
        assertThat(lucia.values()).noneSatisfy(v -> assertThat(v).contains("??"));
        assertThat(lucia.get("description")).contains("Salud");
    }

    @Test
    void veryLongLastNameIsShortenedWithANote() throws Exception {
        String longSurname = "Fernández-Villaverde-Santiago-Compostela-Rodríguez-Bermúdez-Castro-Larrañaga López";
        assertThat(longSurname.length()).isGreaterThan(80);

        Harness.Run run = h.apply(h.csv("Pilar " + longSurname + ",pilar@example.com,,Salud,01/08/2025,Web"));

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.row(2).get("Status")).isEqualTo("created");
        assertThat(run.row(2).get("Detail")).contains("last name", "80");
        Map<String, String> pilar = lead(run.row(2).get("LeadID"));
        assertThat(pilar).containsEntry("firstname", "Pilar");
        assertThat(pilar.get("lastname")).hasSizeLessThanOrEqualTo(80).startsWith("Fernández-Villaverde");
        assertThat(longSurname).startsWith(pilar.get("lastname"));
    }

    @Test
    void windows1252SemicolonFileReachesVtigerAsProperUtf8() throws Exception {
        Path csv = java.nio.file.Files.write(h.dir.resolve("excel_ansi.csv"),
                ("Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\r\n"
                        + "José Núñez Ibáñez;jose.nunez@example.com;600 11 22 99;Educación Infantil;01/08/2025;Señal Web\r\n")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));

        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.report(';')).singleElement().satisfies(r -> {
            assertThat(r.get("Nombre")).isEqualTo("José Núñez Ibáñez");
            assertThat(r.get("Curso Interesado")).isEqualTo("Educación Infantil");
        });
        Map<String, String> jose = lead(run.report(';').get(0).get("LeadID"));
        assertThat(jose).containsEntry("firstname", "José").containsEntry("lastname", "Núñez Ibáñez")
                .containsEntry("leadsource", "Señal Web");
        assertThat(jose.get("description")).contains("Educación Infantil");
    }

    @Test
    void excelUnicodeTextFileInUtf16WithTabsIsRead() throws Exception {
        Path csv = java.nio.file.Files.write(h.dir.resolve("excel_unicode.txt"),
                ("\uFEFFNombre\tEmail\tTeléfono\tCurso Interesado\tFecha entrada\tOrigen del leads\r\n"
                        + "Begoña Etxeberria\tbego@example.com\t611 22 33 44\tFarmacia\t01/08/2025\tSEO\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        Harness.Run run = h.apply(csv);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.report('\t')).singleElement().satisfies(r -> assertThat(r.get("Status")).isEqualTo("created"));
        assertThat(lead(run.report('\t').get(0).get("LeadID"))).containsEntry("firstname", "Begoña")
                .containsEntry("lastname", "Etxeberria");
    }
}
