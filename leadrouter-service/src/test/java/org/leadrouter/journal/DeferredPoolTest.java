package org.leadrouter.journal;

import org.leadrouter.batch.RowOrigin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.lead.RawLead;
import org.leadrouter.state.StateDatabase;

/** The deferred queue remembers the routing pool each lead waits for, and the columns rules may test. */
class DeferredPoolTest {
    @TempDir
    Path dir;

    private static RawLead lead(int row) {
        return new RawLead(row, "Ana Pérez", "ana" + row + "@example.com", "", "Enfermería", "", "Feria", List.of(),
                Map.of("Provincia", "Lugo"));
    }

    @Test
    void aDeferredLeadKeepsItsPoolAndItsExtraColumns() throws Exception {
        try (StateDatabase state = StateDatabase.open(dir)) {
            Journal journal = new Journal(state, Clock.systemUTC());
            journal.deferred(new RowOrigin("a".repeat(64), 2, "viejo.csv"),
                    new RawLead(2, "Eva Vieja", "eva@example.com", "", "Salud", "", "Web", List.of()), LocalDate.of(2026, 11, 27));
            journal.deferred(new RowOrigin("b".repeat(64), 3, "nuevo.csv"), lead(3), LocalDate.of(2026, 11, 28), "sanidad");

            assertThat(journal.deferredByPool()).containsExactly(Map.entry("", 1), Map.entry("sanidad", 1));
            List<DeferredLead> queue = journal.deferredQueue();
            assertThat(queue).extracting(d -> d.raw().name()).containsExactly("Eva Vieja", "Ana Pérez");
            assertThat(queue.get(0).raw().others()).isEmpty();
            assertThat(queue.get(1).raw().others()).containsEntry("Provincia", "Lugo");
        }
    }
}
