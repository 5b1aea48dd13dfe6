package org.leadrouter.glance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;

/** The page: self-contained, bars as inline SVG scaled to the cap, files with their counts and reports, in Spanish. */
class TodayPageTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    static TodayView sample() {
        List<TodayView.FileSummary> files = List.of(
                new TodayView.FileSummary(LocalTime.of(9, 15), "leads julio.xlsx", "file",
                        Map.of("created", 40, "duplicate", 3, "invalid", 1),
                        Map.of("asesor.ana", 20, "asesor.juan", 16, "asesor.luis", 4),
                        "leads julio_20250728-091500_report.csv", ""),
                new TodayView.FileSummary(LocalTime.of(11, 2), "factura.pdf", "rejected", Map.of(), Map.of(),
                        "../error/factura.pdf.error.txt", "es un documento PDF, no un CSV: exporte los leads como CSV"
                        + " desde el programa o portal del que vienen"));
        return new TodayView(LocalDate.of(2025, 7, 28), ZonedDateTime.of(2025, 7, 28, 12, 5, 0, 0, MADRID), true,
                List.of(new TodayView.AdvisorLoad("asesor.ana", 25, 25),
                        new TodayView.AdvisorLoad("asesor.juan", 21, 25),
                        new TodayView.AdvisorLoad("asesor.luis", 5, 25)),
                List.of(new TodayView.PoolLoad("default", 3, 51, 75), new TodayView.PoolLoad("sanidad", 2, 30, 50)),
                files, 2, new VtigerReachability.State(VtigerReachability.State.Kind.REACHABLE,
                Instant.parse("2025-07-28T07:00:00Z")), InboxStatus.FLOWING, lastWeek(files));
    }

    @Test
    void pageShowsLoadsAsBarsFilesWithReportsAndTheQueueInSpanish() {
        String html = TodayPage.render(sample(), Messages.of(Language.ES), true);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"es\">")
                .contains("Hoy de un vistazo").contains("lunes, 28 de julio de 2025").contains("12:05")
                .contains("VTiger responde (desde las 09:00)")
                .contains("<meta http-equiv=\"refresh\" content=\"60\">")
                .contains("class=\"bars\"").contains("asesor.ana: 25 de 25 leads hoy").contains("25 / 25")
                .contains("href=\"leads%20julio_20250728-091500_report.csv\"")
                .contains("<a href=\"../error/factura.pdf.error.txt\">Rechazado: es un documento PDF, no un CSV")
                .contains("2 leads esperan")
                .contains("Carga de hoy por grupo").contains("todos: 3 miembros, 51 de 75 leads hoy")
                .contains("sanidad: 2 miembros, 30 de 50 leads hoy");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        // a full bar for the advisor at the cap (red), 21 of 25 orange, 5 of 25 a fifth of the width (green)
        assertThat(html).contains("class=\"fill cc62828\" style=\"width:100.0%\"")
                .contains("class=\"fill cef6c00\" style=\"width:84.0%\"")
                .contains("class=\"fill c2e7d32\" style=\"width:20.0%\"");
    }

    @Test
    void aStalledInboxIsSaidFirstInSpanishAndAFileThatCannotLeaveIsShownApart() {
        TodayView s = sample();
        InboxStatus inbox = new InboxStatus(2, java.time.Duration.ofMinutes(25), Instant.parse("2025-07-28T08:42:00Z"),
                org.leadrouter.failure.Failure.Kind.VTIGER_UNAVAILABLE,
                List.of(new InboxStatus.Skipped("<privado>.csv", "el archivo no se puede sacar de la bandeja")));
        TodayView view = new TodayView(s.day(), s.updatedAt(), s.apply(), s.loads(), s.pools(), s.files(), s.deferred(),
                s.vtiger(), inbox);

        String html = TodayPage.render(view, Messages.of(Language.ES), true);

        assertThat(html).contains("La bandeja no avanza desde las 10:42: VTiger no responde; los archivos se reintentan"
                + " solos. 2 archivos esperan, el más antiguo desde hace 25 minutos.")
                .contains("&lt;privado&gt;.csv se queda en la bandeja: el archivo no se puede sacar de la bandeja."
                + " Avise al administrador.");
        assertThat(html.indexOf("La bandeja no avanza")).as("first, before VTiger's line")
                .isLessThan(html.indexOf("VTiger responde"));
        assertThat(TodayPage.render(sample(), Messages.of(Language.ES), true))
                .doesNotContain("La bandeja no avanza").doesNotContain("se queda en la bandeja");
    }

    @Test
    void filesWaitingTheirTurnAreCountedWhileTheInboxFlows() {
        TodayView s = sample();
        TodayView view = new TodayView(s.day(), s.updatedAt(), s.apply(), s.loads(), s.pools(), s.files(), s.deferred(),
                s.vtiger(), new InboxStatus(3, java.time.Duration.ofMinutes(4), null, null, List.of()));

        assertThat(TodayPage.render(view, Messages.of(Language.ES), true))
                .contains("3 archivos esperan su turno en la bandeja de entrada, el más antiguo desde hace 4 minutos")
                .doesNotContain("La bandeja no avanza");
        assertThat(TodayPage.render(sample(), Messages.of(Language.ES), true)).doesNotContain("esperan su turno");
    }

    @Test
    void namesFromFilesAndVtigerAreEscaped() {
        TodayView view = new TodayView(LocalDate.of(2025, 7, 28), ZonedDateTime.of(2025, 7, 28, 8, 0, 0, 0, MADRID),
                true, List.of(new TodayView.AdvisorLoad("asesor.<b>", 1, 25)), List.of(),
                List.of(new TodayView.FileSummary(LocalTime.of(9, 0), "<img src=x onerror=alert(1)>.csv", "file",
                        Map.of("created", 1), Map.of("asesor.<b>", 1), "a\"b.csv", "")),
                0, new VtigerReachability.State(VtigerReachability.State.Kind.UNKNOWN, null));

        String html = TodayPage.render(view, Messages.of(Language.ES), true);

        assertThat(html).contains("asesor.&lt;b&gt;").contains("&lt;img src=x onerror=alert(1)&gt;.csv")
                .doesNotContain("<img").doesNotContain("asesor.<b>").contains("href=\"a%22b.csv\"");
    }

    @Test
    void servedPageNamesReportsWithoutLinkingThem() {
        String html = TodayPage.render(sample(), Messages.of(Language.ES), false);

        assertThat(html).contains("leads julio_20250728-091500_report.csv").doesNotContain("<a href");
    }

    @Test
    void englishWhenAsked() {
        String html = TodayPage.render(sample(), Messages.of(Language.EN), true);

        assertThat(html).contains("<html lang=\"en\">").contains("Today at a glance").contains("Monday")
                .contains("2 leads wait");
    }

    /** Today's {@code files}, yesterday's a dry-run with a deferred-queue run, Saturday's one PDF refused. */
    static List<TodayView.DayTotals> lastWeek(List<TodayView.FileSummary> todays) {
        LocalDate today = LocalDate.of(2025, 7, 28);
        List<TodayView.DayTotals> days = new java.util.ArrayList<>();
        for (int i = 0; i < TodayView.LAST_DAYS; i++) {
            LocalDate d = today.minusDays(i);
            List<TodayView.FileSummary> files = switch (i) {
                case 0 -> todays;
                case 1 -> List.of(
                        new TodayView.FileSummary(LocalTime.of(9, 0), "feria.csv", "file",
                                Map.of("planned", 12, "deferred", 5, "duplicate", 2), Map.of("asesor.ana", 12), "r.csv", ""),
                        // the queue's run: 3 leads go out, 2 wait again (already counted when their file came)
                        new TodayView.FileSummary(LocalTime.of(9, 30), "", "deferred",
                                Map.of("planned", 3, "deferred", 2), Map.of("asesor.juan", 3), "d.csv", ""));
                case 2 -> List.of(new TodayView.FileSummary(LocalTime.of(18, 0), "contrato.pdf", "rejected", Map.of(),
                        Map.of(), "", "es un documento PDF"));
                default -> List.of();
            };
            days.add(TodayView.DayTotals.of(d, files));
        }
        return days;
    }

    @Test
    void theLastSevenDaysShowEachDaysTotalsTodayFirstAndQuietDaysAsZeros() {
        String html = TodayPage.render(sample(), Messages.of(Language.ES), true);

        String days = html.substring(html.indexOf("<section class=\"days\">"));
        days = days.substring(0, days.indexOf("</section>"));
        assertThat(days).contains("<h2>Últimos 7 días</h2>").contains("<div class=\"scroll\"><table>")
                .contains("<th>Día</th><th>Archivos repartidos</th><th>Creados en VTiger</th>"
                        + "<th>Planificados (simulación)</th><th>Aplazados</th><th>Duplicados</th>"
                        + "<th>Archivos rechazados</th>")
                .contains("Días naturales, hoy incluido");
        List<String> rows = java.util.Arrays.stream(days.split("\n")).filter(l -> l.startsWith("<tr><td>")).toList();
        assertThat(rows).hasSize(7);
        // today: 1 file distributed (40 created, 3 duplicates), the PDF refused
        assertThat(rows.get(0)).startsWith("<tr><td>lun 28 jul (hoy)</td>").endsWith("<td class=\"n\">1</td>"
                + "<td class=\"n\">40</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td>"
                + "<td class=\"n\">3</td><td class=\"n\">1</td></tr>");
        // yesterday: the queue's run is not a file, its leads go out as planned, its waiting ones are not counted again
        assertThat(rows.get(1)).isEqualTo("<tr><td>dom 27 jul</td><td class=\"n\">1</td><td class=\"n zero\">0</td>"
                + "<td class=\"n\">15</td><td class=\"n\">5</td><td class=\"n\">2</td><td class=\"n zero\">0</td></tr>");
        assertThat(rows.get(2)).startsWith("<tr><td>sáb 26 jul</td><td class=\"n zero\">0</td>")
                .endsWith("<td class=\"n\">1</td></tr>");
        assertThat(rows.get(6)).isEqualTo("<tr><td>mar 22 jul</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td>"
                + "<td class=\"n zero\">0</td><td class=\"n zero\">0</td><td class=\"n zero\">0</td>"
                + "<td class=\"n zero\">0</td></tr>");
        assertThat(days).as("no file name on the week's table").doesNotContain("feria").doesNotContain("contrato");
    }

    @Test
    void withoutADryRunTheWeekHasNoPlannedColumnAndReadsInEnglishWhenAsked() {
        TodayView s = sample();
        List<TodayView.DayTotals> applied = new java.util.ArrayList<>(List.of(TodayView.DayTotals.of(s.day(), s.files())));
        for (int i = 1; i < TodayView.LAST_DAYS; i++) {
            applied.add(TodayView.DayTotals.of(s.day().minusDays(i), List.of()));
        }
        TodayView view = new TodayView(s.day(), s.updatedAt(), s.apply(), s.loads(), s.pools(), s.files(), s.deferred(),
                s.vtiger(), s.inbox(), applied);

        String html = TodayPage.render(view, Messages.of(Language.EN), true);

        assertThat(html).contains("<h2>The last 7 days</h2>")
                .contains("<th>Day</th><th>Files distributed</th><th>Created in VTiger</th><th>Deferred</th>")
                .contains("<tr><td>Mon 28 Jul (today)</td>").doesNotContain("Planned (dry-run)");
    }

    @Test
    void anEmptyDaySaysSo() {
        TodayView empty = new TodayView(LocalDate.of(2025, 7, 28), ZonedDateTime.of(2025, 7, 28, 8, 0, 0, 0, MADRID),
                false, List.of(), List.of(), List.of(), 0, new VtigerReachability.State(VtigerReachability.State.Kind.UNKNOWN,
                null));

        String html = TodayPage.render(empty, Messages.of(Language.ES), true);

        assertThat(html).contains("Todavía no ha llegado ningún archivo hoy").contains("No hay leads aplazados")
                .contains("VTiger: sin contacto todavía").contains("simulación").doesNotContain("class=\"bar\"");
    }
}
