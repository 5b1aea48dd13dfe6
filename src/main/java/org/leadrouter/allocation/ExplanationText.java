package org.leadrouter.allocation;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.leadrouter.allocation.Explanation.Assigned;
import org.leadrouter.allocation.Explanation.Deferred;
import org.leadrouter.allocation.Explanation.Unavailable;

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
        StringBuilder out = new StringBuilder();
        if (a.overflowFrom() != null) {
            out.append(deferredWhy(a.overflowFrom())).append(", so overflow to pool ").append(Pool.DEFAULT);
        } else {
            out.append(pool(a.routed()));
        }
        out.append("; ").append(a.advisor()).append(' ').append(a.loadBefore()).append('→').append(a.loadBefore() + 1)
                .append(" of ").append(a.cap());
        if (!a.weight().isOne()) {
            out.append(", weight ").append(a.weight());
        }
        if (!a.tiedWith().isEmpty()) {
            out.append("; tie with ").append(String.join(", ", a.tiedWith())).append(" broken by rotation");
        }
        return out.toString();
    }

    private static String deferred(Deferred d) {
        if (d.reason() == Explanation.Reason.POOL_EMPTY && d.routed().pool().equals(Pool.DEFAULT)
                && d.unavailable().isEmpty()) {
            return "no advisor available: " + String.join("; ", d.rosterNotes());
        }
        String again = "; offered again on " + day(d.nextWorkingDay());
        if (d.reason() == Explanation.Reason.NON_WORKING_DAY) {
            String prefix = d.routed().rulesConfigured() ? pool(d.routed()) + "; " : "";
            return prefix + day(d.day()) + " is not a working day" + again;
        }
        String overflow = d.overflowFailed() ? ", and nobody in pool " + Pool.DEFAULT + " can take it either" : "";
        return deferredWhy(d) + overflow + (d.routed().rulesConfigured() ? again : "");
    }

    /** Why a pool could not take a lead today. */
    private static String deferredWhy(Deferred d) {
        boolean named = d.routed().rulesConfigured();
        String who = named ? pool(d.routed()) + ": " : "";
        if (d.reason() == Explanation.Reason.POOL_FULL) {
            return who + (named ? "every member" : "every advisor") + " has reached the daily cap for " + d.day();
        }
        return who + "nobody can receive leads on " + d.day() + " (" + unavailable(d.unavailable()) + ")";
    }

    private static String pool(PoolChoice choice) {
        StringBuilder out = new StringBuilder("pool ").append(choice.pool());
        if (choice.rule().isPresent()) {
            RuleMatch m = choice.rule().get();
            List<String> parts = new ArrayList<>();
            for (RuleMatch.Matched matched : m.matched()) {
                parts.add(matched.column() + " \"" + matched.value() + "\"");
            }
            out.append(" (rule ").append(m.rule().number()).append(": ").append(String.join(", ", parts)).append(')');
        } else if (choice.rulesConfigured()) {
            out.append(" (no rule matched)");
        }
        return out.toString();
    }

    private static String unavailable(List<Unavailable> members) {
        if (members.isEmpty()) {
            return "no members";
        }
        List<String> parts = new ArrayList<>();
        for (Unavailable u : members) {
            parts.add(switch (u.why()) {
                case ABSENT -> u.userName() + " absent" + (u.note().isBlank() ? "" : " (" + u.note() + ")");
                case NOT_AN_ADVISOR -> u.userName() + " not an active advisor";
            });
        }
        return String.join(", ", parts);
    }

    private static String day(LocalDate date) {
        return date + " (" + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
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
