package org.leadrouter.allocation;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.leadrouter.allocation.Explanation.Assigned;
import org.leadrouter.allocation.Explanation.Deferred;
import org.leadrouter.allocation.Explanation.Unavailable;
import org.leadrouter.i18n.Messages;

/**
 * The one place where routing explanations become words (the report's {@code Detail}), e.g.
 * {@code pool sanidad (rule 1: course "Enfermería"); asesor.ana 3→4 of 25; tie with asesor.luis broken by rotation}.
 */
public final class ExplanationText {
    private ExplanationText() {
    }

    public static String detail(Explanation explanation) {
        if (explanation instanceof Assigned a) {
            return assigned(a);
        }
        return deferred((Deferred) explanation);
    }

    private static String assigned(Assigned a) {
        String routed = a.overflowFrom() != null
                ? Messages.t("route.overflow", deferredWhy(a.overflowFrom()), Pool.displayName(Pool.DEFAULT))
                : pool(a.routed());
        String weight = a.weight().isOne() ? "" : Messages.t("route.weight", a.weight().toString());
        String tie = a.tiedWith().isEmpty() ? "" : Messages.t("route.tie", String.join(", ", a.tiedWith()));
        return Messages.t("route.assigned", routed, a.advisor(), a.loadBefore(), a.loadBefore() + 1, a.cap(), weight,
                tie);
    }

    /** Why the lead waits, and when it goes out: first thing on the next working day, if its pool has room then. */
    private static String deferred(Deferred d) {
        return when(deferredReason(d), d.day(), d.nextWorkingDay());
    }

    private static String deferredReason(Deferred d) {
        if (d.reason() == Explanation.Reason.POOL_EMPTY && d.routed().pool().equals(Pool.DEFAULT)
                && d.unavailable().isEmpty()) {
            return Messages.t("route.no-advisor", String.join("; ", d.rosterNotes()));
        }
        if (d.reason() == Explanation.Reason.NON_WORKING_DAY) {
            return d.routed().rulesConfigured()
                    ? Messages.t("route.non-working-day-pool", day(d.day()), pool(d.routed()))
                    : Messages.t("route.non-working-day", day(d.day()));
        }
        return d.overflowFailed() ? Messages.t("route.overflow-failed", deferredWhy(d), Pool.displayName(Pool.DEFAULT)) : deferredWhy(d);
    }

    private static String when(String why, LocalDate today, LocalDate next) {
        return next.equals(today.plusDays(1)) ? Messages.t("route.goes-tomorrow", why, day(next))
                : Messages.t("route.goes-on", why, day(next));
    }

    /** Why a pool could not take a lead today. */
    private static String deferredWhy(Deferred d) {
        boolean named = d.routed().rulesConfigured();
        String day = d.day().toString();
        if (d.reason() == Explanation.Reason.POOL_FULL) {
            return named ? Messages.t("route.full-pool", pool(d.routed()), day) : Messages.t("route.full", day);
        }
        String who = unavailable(d.unavailable());
        return named ? Messages.t("route.nobody-pool", pool(d.routed()), day, who)
                : Messages.t("route.nobody", day, who);
    }

    private static String pool(PoolChoice choice) {
        if (choice.rule().isPresent()) {
            RuleMatch m = choice.rule().get();
            List<String> parts = new ArrayList<>();
            for (RuleMatch.Matched matched : m.matched()) {
                parts.add(Messages.t("route.matched", columnName(matched.column()), matched.value()));
            }
            return Messages.t("route.pool-rule", Pool.displayName(choice.pool()), m.rule().number(),
                    String.join(", ", parts));
        }
        return Messages.t(choice.rulesConfigured() ? "route.pool-no-rule" : "route.pool", Pool.displayName(choice.pool()));
    }

    /** A known column in the team's words ({@code course} is "curso" in Spanish); another as configured. */
    private static String columnName(String column) {
        String key = "field." + column;
        return Messages.current().has(key) ? Messages.t(key) : column;
    }

    private static String unavailable(List<Unavailable> members) {
        if (members.isEmpty()) {
            return Messages.t("route.no-members");
        }
        List<String> parts = new ArrayList<>();
        for (Unavailable u : members) {
            parts.add(switch (u.why()) {
                case ABSENT -> u.note().isBlank() ? Messages.t("route.absent", u.userName())
                        : Messages.t("route.absent-because", u.userName(), u.note());
                case NOT_AN_ADVISOR -> Messages.t("route.not-an-advisor", u.userName());
            });
        }
        return String.join(", ", parts);
    }

    private static String day(LocalDate date) {
        Locale locale = Messages.current().language().locale();
        return Messages.t("route.day", date.toString(), date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
    }

    /** A one-line summary of a rule for {@code check}: {@code rule 1: course Enfermería|Salud → pool sanidad}. */
    public static String rule(RoutingRule rule) {
        List<String> parts = new ArrayList<>();
        for (RuleCondition c : rule.conditions()) {
            parts.add(c.column() + " " + String.join("|", c.values().stream().map(ValuePattern::text).toList()));
        }
        return "rule " + rule.number() + ": " + String.join(" and ", parts) + " → pool " + rule.pool()
                + (rule.overflow() ? " (overflow to pool " + Pool.DEFAULT + ")" : "");
    }
}
