package org.leadrouter.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.lead.RawLead;
import org.leadrouter.state.StateDatabase;

/** The deferred queue remembers the routing pool each lead waits for, also in a state database from before pools. */
class DeferredPoolTest {
    @TempDir
    Path dir;

    private static RawLead lead(int row) {
        return new RawLead(row, "Ana Pérez", "ana" + row + "@example.com", "", "Enfermería", "", "Feria", List.of(),
                Map.of("Provincia", "Lugo"));
    }

    @Test
    void aDatabaseFromBeforePoolsGainsThePoolColumnAndKeepsItsQueue() throws Exception {
        try (StateDatabase state = StateDatabase.open(dir)) {
            try (Statement st = state.connection().createStatement()) {
                st.execute("CREATE TABLE journal_row (content_hash VARCHAR(64) NOT NULL, row_number INT NOT NULL,"
                        + " file_name VARCHAR(2000) NOT NULL, status VARCHAR(12) NOT NULL, advisor_id VARCHAR(40),"
                        + " advisor_name VARCHAR(200), lead_id VARCHAR(40), business_day DATE, detail VARCHAR(4000),"
                        + " lead_json CLOB, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (content_hash, row_number))");
                st.execute("INSERT INTO journal_row VALUES ('" + "a".repeat(64) + "', 2, 'viejo.csv', 'DEFERRED', NULL, NULL, NULL, DATE '2026-11-27',"
                        + " NULL, '{\"row\":2,\"name\":\"Eva Vieja\",\"email\":\"eva@example.com\",\"phone\":\"\",\"course\":\"Salud\","
                        + "\"entryDate\":\"\",\"source\":\"Web\",\"notes\":[]}', CURRENT_TIMESTAMP)");
            }
        }
        try (StateDatabase state = StateDatabase.open(dir)) {
            Journal journal = new Journal(state, Clock.systemUTC());
            journal.deferred(new RowOrigin("b".repeat(64), 3, "nuevo.csv"), lead(3), LocalDate.of(2026, 11, 28), "sanidad");

            assertThat(journal.deferredByPool()).containsExactly(Map.entry("", 1), Map.entry("sanidad", 1));
            List<DeferredLead> queue = journal.deferredQueue();
            assertThat(queue).extracting(d -> d.raw().name()).containsExactly("Eva Vieja", "Ana Pérez");
            assertThat(queue.get(0).raw().others()).isEmpty();
            assertThat(queue.get(1).raw().others()).containsEntry("Provincia", "Lugo");
        }
    }
}
