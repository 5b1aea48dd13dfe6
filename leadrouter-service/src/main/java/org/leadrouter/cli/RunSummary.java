package org.leadrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.leadrouter.allocation.Absence;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.Pool;
import org.leadrouter.i18n.Messages;
import org.leadrouter.allocation.RoutingDay;
import org.leadrouter.allocation.Weight;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.RowStatus;

/** Prints what a run did: counts per status, leads per advisor, where the report is, and VTiger calls. */
final class RunSummary {
    private RunSummary() {
    }

    static void print(PrintWriter out, DistributionBatch batch, Map<String, Integer> vtigerCalls) {
        print(out, batch, batch.request().report(), vtigerCalls);
    }

    /** As above, for a report written to {@code report} (beside the one asked for, when a stopped run kept that). */
    static void print(PrintWriter out, DistributionBatch batch, Path report, Map<String, Integer> vtigerCalls) {
        out.println(Messages.t("summary.file", batch.file().displayName(),
                Messages.t("summary.mode." + batch.request().mode().label()), batch.rows().size(),
                batch.file().charset().name(), printable(batch.file().delimiter())));
        for (RowStatus s : RowStatus.values()) {
            long n = batch.count(s);
            if (n > 0) {
                out.printf("  %-26s %5d%n", Messages.t("summary.status." + s.label()), n);
            }
        }
        String pools = pools(batch);
        if (!pools.isEmpty()) {
            out.println(Messages.t("summary.pools", pools));
        }
        // what this run gave: leads created by an interrupted run of this file are in today's load already
        Map<String, Integer> added = batch.assignedByThisRun();
        if (batch.roster() != null) {
            out.println(Messages.t("summary.advisors", batch.roster().day().date().toString()));
            for (Advisor a : batch.roster().advisors()) {
                int before = batch.roster().loadToday().getOrDefault(a.id(), 0);
                int given = added.getOrDefault(a.id(), 0);
                out.printf("  %-24s +%-4d %d/%d%s%n", a.userName(), given, before + given, a.dailyCap(), routing(batch, a));
            }
        }
        batch.notes().forEach(n -> out.println(Messages.t("summary.note", n)));
        out.println(Messages.t("summary.report", report.toAbsolutePath().toString()));
        if (!vtigerCalls.isEmpty()) {
            out.println(Messages.t("summary.vtiger-calls", vtigerCalls.toString()));
        }
        out.flush();
    }

    /** Rows per pool in the team's words: {@code todos: 4 creados; sanidad: 1 creado, 2 aplazados}. */
    private static String pools(DistributionBatch batch) {
        StringJoiner pools = new StringJoiner("; ");
        batch.poolCounts().forEach((pool, counts) -> {
            StringJoiner c = new StringJoiner(", ");
            counts.forEach((status, n) -> c.add(Messages.t("summary.pool." + status.label(), n)));
            pools.add(Pool.displayName(pool) + ": " + c);
        });
        return pools.toString();
    }

    /** Weight and absence as routing saw them: {@code  weight 2}, {@code  absent until 2026-12-04}. */
    private static String routing(DistributionBatch batch, Advisor a) {
        RoutingDay day = batch.routingDay();
        if (day == null) {
            return "";
        }
        Weight weight = day.weightOf(a.userName());
        Absence absence = day.absences().on(day.date()).get(a.userName().toLowerCase(Locale.ROOT));
        return (weight.isOne() ? "" : Messages.t("summary.weight", weight.toString()))
                + (absence == null ? "" : Messages.t("summary.absent-until", absence.to().toString()));
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
