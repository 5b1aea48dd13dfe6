package org.leadrouter.glance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrouter.config.StateSettings;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.testing.TestPostgres;

/**
 * The page's store keeps the last days' files and today's loads the same way in the embedded H2 database and in
 * PostgreSQL: a file's time, counts and reason come back as written, days are read by range, the week before is
 * purged, and loads of another day are not today's.
 */
class GlanceStoreTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theLastDaysComeBackAsWrittenAndOlderDaysArePurged(String store) {
        try (StateDatabase state = StateDatabase.open(store.equals("h2") ? StateSettings.embedded(dir) : TestPostgres.newState(dir))) {
            GlanceStore glance = new GlanceStore(state);
            glance.addFile(TODAY.minusDays(9), file("antiguo.csv", LocalTime.of(9, 0)));
            glance.addFile(TODAY.minusDays(3), file("martes.csv", LocalTime.of(10, 15, 30)));
            glance.addFile(TODAY, new TodayView.FileSummary(LocalTime.of(8, 5), "roto.xls", "rejected", Map.of(), Map.of(),
                    "", "guárdelo como .xlsx"));
            glance.addFile(TODAY, file("lunes.csv", LocalTime.of(11, 45, 1)));

            SortedMap<LocalDate, List<TodayView.FileSummary>> week = glance.filesByDay(TODAY.minusDays(6), TODAY);
            assertThat(week.keySet()).containsExactly(TODAY.minusDays(3), TODAY);
            assertThat(week.get(TODAY)).extracting(TodayView.FileSummary::fileName).containsExactly("roto.xls", "lunes.csv");
            assertThat(week.get(TODAY).get(0).reason()).isEqualTo("guárdelo como .xlsx");
            TodayView.FileSummary lunes = week.get(TODAY).get(1);
            assertThat(lunes.time()).isEqualTo(LocalTime.of(11, 45, 1));
            assertThat(lunes.counts()).containsEntry("created", 4).containsEntry("deferred", 1);
            assertThat(lunes.perAdvisor()).containsEntry("asesor.ana", 2);
            assertThat(TodayView.DayTotals.of(TODAY, week.get(TODAY)).rejected()).isEqualTo(1);
            assertThat(glance.filesByDay(TODAY.minusDays(20), TODAY.minusDays(7))).as("purged beyond the week").isEmpty();

            glance.putLoads(TODAY.minusDays(1), List.of(new TodayView.AdvisorLoad("asesor.ana", 25, 25)));
            assertThat(glance.loads(TODAY)).as("yesterday's loads are not today's").isEmpty();
            glance.putLoads(TODAY, List.of(new TodayView.AdvisorLoad("asesor.luis", 3, 25),
                    new TodayView.AdvisorLoad("asesor.ana", 7, 20)));
            assertThat(glance.loads(TODAY)).extracting(TodayView.AdvisorLoad::userName).containsExactly("asesor.luis", "asesor.ana");
        }
    }

    private static TodayView.FileSummary file(String name, LocalTime time) {
        return new TodayView.FileSummary(time, name, "file", Map.of("created", 4, "deferred", 1),
                Map.of("asesor.ana", 2, "asesor.luis", 2), name.replace(".csv", "_report.csv"), "");
    }
}
