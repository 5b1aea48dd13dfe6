package org.leadrouter.glance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.leadrouter.i18n.Messages;

/**
 * Renders a {@link TodayView} as one self-contained HTML page: no script, no external file, bars drawn with plain
 * boxes that fit a phone's width as well as a desk's, reloaded each minute; every word from the message bundle of
 * the team's language.
 */
public final class TodayPage {
    private static final List<String> STATUSES = List.of("created", "planned", "duplicate", "deferred", "invalid",
            "error");
    /** The page reloads itself each minute: no script (the page carries none, and a browser may forbid it). */
    static final int REFRESH_SECONDS = 60;
    /** The last days' table: its columns after the day, in this order. */
    private static final List<String> DAY_COLUMNS = List.of("files", "created", "planned", "deferred", "duplicates",
            "rejected");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TodayPage() {
    }

    /**
     * The page. {@code linkReports}: the page sits in the outbox beside the reports and links to each; served over
     * HTTP it names them only (the management server hands out no files).
     */
    public static String render(TodayView view, Messages m, boolean linkReports) {
        StringBuilder h = new StringBuilder(8_192);
        String day = view.day().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(m.language().locale()));
        h.append("<!DOCTYPE html>\n<html lang=\"").append(m.language().locale().getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">\n")
                .append("<title>").append(e(m.text("glance.title"))).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(e(m.text("glance.title"))).append("</h1>\n<p class=\"sub\">")
                .append(e(m.text("glance.subtitle", day, HH_MM.format(view.updatedAt()), view.apply() ? 1 : 0)))
                .append("</p>\n");
        inbox(h, view, m);
        vtiger(h, view, m);
        h.append("</header>\n<main>\n");
        loads(h, view, m);
        pools(h, view, m);
        received(h, view, m);
        files(h, view, m, linkReports);
        h.append("<section><h2>").append(e(m.text("glance.deferred.title"))).append("</h2>\n<p class=\"")
                .append(view.deferred() > 0 ? "warn" : "ok").append("\">")
                .append(e(m.text("glance.deferred.count", view.deferred()))).append("</p></section>\n");
        lastDays(h, view, m);
        h.append("</main>\n<footer>").append(e(m.text("glance.footer"))).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * When files wait longer than they should: first on the page, since when, why, how many and how long; then each
     * file that cannot leave the inbox (it holds nothing back, but someone must see to it).
     */
    private static void inbox(StringBuilder h, TodayView view, Messages m) {
        InboxStatus inbox = view.inbox();
        stalled(h, view, m);
        if (!inbox.stalled() && inbox.waiting() > 0) { // flowing: how many are in line, said calmly
            h.append("<p class=\"badge neutral waiting\">").append(e(m.text("glance.inbox.waiting", inbox.waiting(),
                    Math.max(1, inbox.oldestAge().toMinutes())))).append("</p>\n");
        }
        for (InboxStatus.Skipped s : inbox.skipped()) {
            h.append("<p class=\"badge warn skipped\">").append(e(m.text("glance.inbox.skipped", s.fileName(),
                    s.reason()))).append("</p>\n");
        }
    }

    private static void stalled(StringBuilder h, TodayView view, Messages m) {
        InboxStatus inbox = view.inbox();
        if (!inbox.stalled()) {
            return;
        }
        String since = HH_MM.format(inbox.stalledSince().atZone(view.updatedAt().getZone()));
        String why = m.text("glance.inbox.why." + inbox.failure().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-')).orElse("unknown"));
        h.append("<p class=\"badge bad stalled\">").append(e(m.text("glance.inbox.stalled", since, why,
                inbox.waiting(), Math.max(1, inbox.oldestAge().toMinutes())))).append("</p>\n");
    }

    private static void vtiger(StringBuilder h, TodayView view, Messages m) {
        VtigerReachability.State s = view.vtiger();
        String css = switch (s.kind()) {
            case REACHABLE -> "ok";
            case UNKNOWN -> "neutral";
            default -> "bad";
        };
        String key = "glance.vtiger." + s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String since = s.since() == null ? "" : HH_MM.format(s.since().atZone(view.updatedAt().getZone()));
        h.append("<p class=\"badge ").append(css).append("\">").append(e(m.text(key, since))).append("</p>\n");
    }

    private static void loads(StringBuilder h, TodayView view, Messages m) {
        h.append("<section><h2>").append(e(m.text("glance.loads.title"))).append("</h2>\n");
        if (view.loads().isEmpty()) {
            h.append("<p class=\"neutral\">").append(e(m.text("glance.loads.none"))).append("</p></section>\n");
            return;
        }
        h.append("<div class=\"bars\" role=\"list\" aria-label=\"").append(e(m.text("glance.loads.title")))
                .append("\">\n");
        for (TodayView.AdvisorLoad a : view.loads()) {
            bar(h, a.userName(), a.load(), a.cap(), m.text("glance.loads.bar", a.userName(), a.load(), a.cap()), m);
        }
        h.append("</div>\n<p class=\"legend\">").append(e(m.text("glance.loads.legend"))).append("</p></section>\n");
    }

    private static void pools(StringBuilder h, TodayView view, Messages m) {
        if (view.pools().isEmpty()) {
            return;
        }
        h.append("<section><h2>").append(e(m.text("glance.pools.title"))).append("</h2>\n");
        h.append("<div class=\"bars\" role=\"list\" aria-label=\"").append(e(m.text("glance.pools.title")))
                .append("\">\n");
        for (TodayView.PoolLoad p : view.pools()) {
            String label = p.name().equals(org.leadrouter.allocation.Pool.DEFAULT)
                    ? m.text("glance.pools.everyone") : p.name();
            bar(h, label, p.load(), p.cap(), m.text("glance.pools.bar", label, p.members(), p.load(), p.cap()), m);
        }
        h.append("</div>\n</section>\n");
    }

    /**
     * One bar: a label, the grey track of the cap and the load drawn to scale in green, orange or red. Plain HTML
     * boxes, not a drawing of fixed width: the track shrinks with the screen (a phone) and the words keep their size.
     */
    private static void bar(StringBuilder h, String label, int load, int cap, String title, Messages m) {
        double ratio = cap <= 0 ? 1 : Math.min(1.0, load / (double) cap);
        String color = ratio >= 1 ? "c62828" : ratio >= 0.8 ? "ef6c00" : "2e7d32";
        h.append("<div class=\"bar\" role=\"listitem\" title=\"").append(e(title)).append("\">")
                .append("<span class=\"name\">").append(e(shorten(label))).append("</span>")
                .append("<span class=\"track\"><span class=\"fill c").append(color).append("\" style=\"width:")
                .append(String.format(java.util.Locale.ROOT, "%.1f", ratio * 100)).append("%\"></span></span>")
                .append("<span class=\"count\">").append(e(m.text("glance.loads.count", load, cap)))
                .append("</span></div>\n");
    }

    private static void received(StringBuilder h, TodayView view, Messages m) {
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Integer> planned = new TreeMap<>();
        for (TodayView.FileSummary f : view.files()) {
            Map<String, Integer> target = f.counts().getOrDefault("planned", 0) > 0 ? planned : created;
            f.perAdvisor().forEach((advisor, n) -> target.merge(advisor, n, Integer::sum));
        }
        h.append("<section><h2>").append(e(m.text("glance.received.title"))).append("</h2>\n");
        if (created.isEmpty() && planned.isEmpty()) {
            h.append("<p class=\"neutral\">").append(e(m.text("glance.received.none"))).append("</p></section>\n");
            return;
        }
        TreeMap<String, Integer> all = new TreeMap<>(created);
        planned.keySet().forEach(k -> all.putIfAbsent(k, 0));
        h.append("<div class=\"scroll\"><table><thead><tr><th>").append(e(m.text("glance.received.advisor"))).append("</th><th>")
                .append(e(m.text("glance.received.created"))).append("</th>");
        if (!planned.isEmpty()) {
            h.append("<th>").append(e(m.text("glance.received.planned"))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (String advisor : all.keySet()) {
            h.append("<tr><td>").append(e(advisor)).append("</td><td class=\"n\">")
                    .append(created.getOrDefault(advisor, 0)).append("</td>");
            if (!planned.isEmpty()) {
                h.append("<td class=\"n\">").append(planned.getOrDefault(advisor, 0)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void files(StringBuilder h, TodayView view, Messages m, boolean linkReports) {
        h.append("<section><h2>").append(e(m.text("glance.files.title"))).append("</h2>\n");
        if (view.files().isEmpty()) {
            h.append("<p class=\"neutral\">").append(e(m.text("glance.files.none"))).append("</p></section>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table><thead><tr><th>").append(e(m.text("glance.files.time"))).append("</th><th>")
                .append(e(m.text("glance.files.file"))).append("</th>");
        for (String s : STATUSES) {
            h.append("<th>").append(e(m.text("glance.status." + s))).append("</th>");
        }
        h.append("<th>").append(e(m.text("glance.files.report"))).append("</th></tr></thead><tbody>\n");
        for (TodayView.FileSummary f : view.files()) {
            String name = "deferred".equals(f.kind()) ? m.text("glance.files.deferred-run") : f.fileName();
            h.append("<tr").append("rejected".equals(f.kind()) ? " class=\"rejected\"" : "").append("><td>")
                    .append(f.time().withNano(0)).append("</td><td>").append(e(name)).append("</td>");
            if ("rejected".equals(f.kind())) {
                String text = e(m.text("glance.files.rejected", f.reason()));
                h.append("<td colspan=\"").append(STATUSES.size() + 1).append("\">");
                if (linkReports && !f.report().isEmpty()) { // the explanation in error/, beside the outbox
                    h.append("<a href=\"").append(e(href(f.report()))).append("\">").append(text).append("</a>");
                } else {
                    h.append(text);
                }
                h.append("</td></tr>\n");
                continue;
            }
            for (String s : STATUSES) {
                int n = f.counts().getOrDefault(s, 0);
                h.append("<td class=\"n").append(n == 0 ? " zero" : "").append("\">").append(n).append("</td>");
            }
            h.append("<td>");
            if (!f.report().isEmpty()) {
                if (linkReports) {
                    h.append("<a href=\"").append(e(href(f.report()))).append("\">").append(e(f.report()))
                            .append("</a>");
                } else {
                    h.append(e(f.report()));
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (!linkReports) {
            h.append("<p class=\"legend\">").append(e(m.text("glance.files.in-outbox"))).append("</p>\n");
        }
        h.append("</section>\n");
    }

    /**
     * The last days' totals, today first: numbers only, like the rest of the page (no lead's name, email or phone).
     * The planned column shows only when some day was a dry-run.
     */
    private static void lastDays(StringBuilder h, TodayView view, Messages m) {
        if (view.lastDays().isEmpty()) {
            return;
        }
        boolean planned = view.lastDays().stream().anyMatch(d -> d.planned() > 0);
        DateTimeFormatter dayName = DateTimeFormatter.ofPattern("EEE d MMM", m.language().locale());
        h.append("<section class=\"days\"><h2>").append(e(m.text("glance.week.title", view.lastDays().size())))
                .append("</h2>\n<div class=\"scroll\"><table><thead><tr><th>").append(e(m.text("glance.week.day")))
                .append("</th>");
        for (String column : planned ? DAY_COLUMNS : DAY_COLUMNS.stream().filter(c -> !c.equals("planned")).toList()) {
            h.append("<th>").append(e(m.text("glance.week." + column))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (TodayView.DayTotals d : view.lastDays()) {
            String name = dayName.format(d.day());
            h.append("<tr><td>").append(e(d.day().equals(view.day()) ? m.text("glance.week.today", name) : name))
                    .append("</td>");
            cell(h, d.files());
            cell(h, d.created());
            if (planned) {
                cell(h, d.planned());
            }
            cell(h, d.deferred());
            cell(h, d.duplicates());
            cell(h, d.rejected());
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n<p class=\"legend\">").append(e(m.text("glance.week.legend")))
                .append("</p></section>\n");
    }

    private static void cell(StringBuilder h, int n) {
        h.append("<td class=\"n").append(n == 0 ? " zero" : "").append("\">").append(n).append("</td>");
    }

    /** A relative path as a link: each part encoded ({@code leads julio.csv} → {@code leads%20julio.csv}). */
    private static String href(String relativePath) {
        StringBuilder href = new StringBuilder();
        for (String part : relativePath.split("[/\\\\]")) {
            if (href.length() > 0) {
                href.append('/');
            }
            href.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return href.toString();
    }

    private static String shorten(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23) + "…";
    }

    private static String e(String text) {
        return Html.escape(text);
    }

    private static final String CSS = "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;margin:0;"
            + "background:#f6f7f9;color:#1d2433}header{background:#17365d;color:#fff;padding:18px 28px}"
            + "h1{margin:0 0 4px;font-size:26px}.sub{margin:0 0 10px;opacity:.9}"
            + "main{padding:8px 28px 24px;max-width:980px}section{background:#fff;border-radius:8px;"
            + "box-shadow:0 1px 3px rgba(0,0,0,.12);padding:14px 20px;margin:16px 0}"
            + "h2{font-size:18px;margin:0 0 10px;color:#17365d}"
            + ".badge{display:inline-block;padding:5px 12px;border-radius:14px;font-weight:bold;margin:0}"
            + ".badge.ok{background:#e3f4e4;color:#1b5e20}.badge.bad{background:#fde3e3;color:#b71c1c}"
            + ".badge.neutral{background:#e8eaf0;color:#37474f}.badge.warn{background:#fff1dc;color:#b45309}p.ok{color:#1b5e20}p.warn{color:#b45309;"
            + "font-weight:bold}p.neutral{color:#5f6b7a}"
            + ".bar{display:flex;align-items:center;gap:12px;height:34px;font-size:14px}"
            + ".bar .name{flex:0 0 178px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}"
            + ".bar .track{flex:0 1 320px;min-width:60px;height:22px;border-radius:4px;background:#e6e9ee;"
            + "overflow:hidden}.bar .fill{display:block;height:100%}.c2e7d32{background:#2e7d32}"
            + ".cef6c00{background:#ef6c00}.cc62828{background:#c62828}.bar .count{font-weight:bold;"
            + "white-space:nowrap}.scroll{overflow-x:auto}"
            + ".legend{font-size:13px;color:#5f6b7a;margin:6px 0 0}"
            + "table{border-collapse:collapse;width:100%;font-size:14px}th,td{padding:6px 8px;"
            + "border-bottom:1px solid #e6e9ee;text-align:left}th{background:#f0f3f7}td.n{text-align:right}"
            + "td.zero{color:#b0b7c3}.days td:first-child{white-space:nowrap}tr.rejected td{color:#b71c1c}footer{padding:0 28px 24px;font-size:12px;"
            + "color:#5f6b7a}"
            // a phone (390 px): less padding, a narrower name, the bar's track takes what is left
            + "@media (max-width:600px){header{padding:12px 14px}h1{font-size:21px}main{padding:4px 8px 16px}"
            + "section{padding:10px 10px}.bar{gap:8px}.bar .name{flex-basis:110px}footer{padding:0 14px 16px}}";
}
