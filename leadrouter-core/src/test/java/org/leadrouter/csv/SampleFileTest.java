package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.leadrouter.lead.Lead;
import org.leadrouter.lead.LeadValidator;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.lead.RawLead;
import org.leadrouter.lead.Validation;
import org.junit.jupiter.api.Test;

/** The specification's sample file reads and validates, with its swapped course and date put back. */
class SampleFileTest {

    @Test
    void specSampleReadsBothRowsAndRepairsTheSwappedColumns() throws Exception {
        LeadFile file = new LeadCsvReader().read(Path.of("src/test/resources/csv/leads_ejemplo_albali.csv"));

        assertThat(file.fileName()).isEqualTo("leads_ejemplo_albali.csv");
        assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.header()).containsExactly("Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada",
                "Origen del leads");
        assertThat(file.warnings()).isEmpty();
        assertThat(file.rows()).containsExactly(
                new RawLead(2, "Juan Pérez", "juan.perez@ejemplo.com", "600123456", "Salud", "28/07/2025", "Portales",
                        List.of()),
                new RawLead(3, "Ana Gómez", "ana.gomez@ejemplo.com", "600654321", "Electricidad", "28/07/2025", "SEO",
                        List.of("Curso Interesado and Fecha entrada were swapped; swapped back")));
    }

    @Test
    void specSampleValidatesIntoTwoLeads() throws Exception {
        LeadFile file = new LeadCsvReader().read(Path.of("src/test/resources/csv/leads_ejemplo_albali.csv"));
        LeadValidator validator = new LeadValidator(new PhoneNormaliser("ES"));

        List<Lead> leads = file.rows().stream().map(validator::validate)
                .map(v -> ((Validation.Valid) v).lead()).toList();

        assertThat(leads).extracting(Lead::firstname, Lead::lastname, Lead::email, Lead::phone, Lead::course,
                        Lead::entryDate, Lead::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Juan", "Pérez", "juan.perez@ejemplo.com", "+34600123456",
                                "Salud", "2025-07-28", "Portales"),
                        org.assertj.core.groups.Tuple.tuple("Ana", "Gómez", "ana.gomez@ejemplo.com", "+34600654321",
                                "Electricidad", "2025-07-28", "SEO"));
        assertThat(leads.get(1).notes()).containsExactly("Curso Interesado and Fecha entrada were swapped; swapped back");
    }
}
