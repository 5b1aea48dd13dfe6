package org.leadrouter.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leadrouter.allocation.Folding;
import org.leadrouter.allocation.LeadAttributes;
import org.leadrouter.allocation.Pool;
import org.leadrouter.allocation.RoutingRule;
import org.leadrouter.allocation.RoutingRules;
import org.leadrouter.allocation.RuleCondition;
import org.leadrouter.allocation.ValuePattern;
import org.leadrouter.allocation.Weight;
import org.leadrouter.allocation.WorkingCalendar;

/**
 * The routing settings: pools ({@code routing.pool.<name>}), ordered rules ({@code routing.rule.<n>.<column>},
 * {@code .pool}, {@code .overflow}), weights ({@code allocation.weight.<user>}), the working days and holidays, and
 * the absences file. Every mistake names its key.
 */
public record RoutingSettings(RoutingRules rules, Map<String, Weight> weights, WorkingCalendar calendar,
                              Optional<Path> absencesFile) {
    private static final Pattern POOL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern RULE_KEY = Pattern.compile("routing\\.rule\\.(\\d{1,6})\\.(.+)");
    private static final Map<String, String> COLUMN_ALIASES = Map.ofEntries(
            Map.entry("curso", LeadAttributes.COURSE), Map.entry("curso-interesado", LeadAttributes.COURSE),
            Map.entry("origen", LeadAttributes.SOURCE), Map.entry("origen-del-leads", LeadAttributes.SOURCE),
            Map.entry("lead-source", LeadAttributes.SOURCE),
            Map.entry("nombre", LeadAttributes.NAME), Map.entry("correo", LeadAttributes.EMAIL),
            Map.entry("e-mail", LeadAttributes.EMAIL), Map.entry("telefono", LeadAttributes.PHONE),
            Map.entry("movil", LeadAttributes.PHONE), Map.entry("fecha", LeadAttributes.ENTRY_DATE),
            Map.entry("fecha-entrada", LeadAttributes.ENTRY_DATE), Map.entry("date", LeadAttributes.ENTRY_DATE));

    public RoutingSettings {
        weights = Map.copyOf(weights);
    }

    static RoutingSettings read(ConfigSource source) {
        List<Pool> pools = pools(source);
        List<RoutingRule> rules = rules(source, pools);
        return new RoutingSettings(new RoutingRules(pools, rules), weights(source), calendar(source),
                source.get("availability.absences-file").map(Path::of));
    }

    private static List<Pool> pools(ConfigSource source) {
        List<Pool> pools = new ArrayList<>();
        for (String key : source.fileKeysStartingWith("routing.pool.")) {
            String name = key.substring("routing.pool.".length()).toLowerCase(Locale.ROOT);
            if (!POOL_NAME.matcher(name).matches()) {
                throw new ConfigException(key, "'" + name + "' is not a pool name (letters, digits, - and _)");
            }
            if (name.equals(Pool.DEFAULT)) {
                throw new ConfigException(key, "the pool '" + Pool.DEFAULT + "' is everyone and cannot be redefined");
            }
            List<String> members = split(source.get(key).orElse(""), ",");
            if (members.isEmpty()) {
                throw new ConfigException(key, "lists no advisor (write user names separated by commas)");
            }
            pools.add(new Pool(name, members));
        }
        return pools;
    }

    private static List<RoutingRule> rules(ConfigSource source, List<Pool> pools) {
        Map<Integer, List<RuleCondition>> conditions = new TreeMap<>();
        Map<Integer, String> poolOf = new TreeMap<>();
        Map<Integer, Boolean> overflow = new TreeMap<>();
        for (String key : source.fileKeysStartingWith("routing.rule.")) {
            Matcher m = RULE_KEY.matcher(key);
            if (!m.matches()) {
                throw new ConfigException(key, "is not routing.rule.<number>.<column>, .pool or .overflow");
            }
            int n = Integer.parseInt(m.group(1));
            String part = m.group(2);
            String value = source.get(key).orElse("");
            conditions.computeIfAbsent(n, x -> new ArrayList<>());
            if (part.equals("pool")) {
                String pool = value.trim().toLowerCase(Locale.ROOT);
                if (pools.stream().noneMatch(p -> p.name().equals(pool))) {
                    throw new ConfigException(key, "names the pool '" + pool + "', which no routing.pool.<name> defines");
                }
                poolOf.put(n, pool);
            } else if (part.equals("overflow")) {
                overflow.put(n, bool(key, value));
            } else {
                String column = Folding.columnKey(part);
                if (column.isEmpty()) {
                    throw new ConfigException(key, "names no column");
                }
                List<String> values = split(value, "|");
                if (values.isEmpty()) {
                    throw new ConfigException(key, "has no value to match (write values separated by |)");
                }
                conditions.get(n).add(new RuleCondition(COLUMN_ALIASES.getOrDefault(column, column),
                        values.stream().map(ValuePattern::new).toList()));
            }
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (Map.Entry<Integer, List<RuleCondition>> e : conditions.entrySet()) {
            int n = e.getKey();
            if (!poolOf.containsKey(n)) {
                throw new ConfigException("routing.rule." + n + ".pool", "is not set: every rule needs a pool");
            }
            if (e.getValue().isEmpty()) {
                throw new ConfigException("routing.rule." + n + ".<column>",
                        "rule " + n + " tests no column (e.g. routing.rule." + n + ".course=Enfermería)");
            }
            rules.add(new RoutingRule(n, e.getValue(), poolOf.get(n), overflow.getOrDefault(n, false)));
        }
        return rules;
    }

    private static Map<String, Weight> weights(ConfigSource source) {
        Map<String, Weight> weights = new TreeMap<>();
        for (String key : source.fileKeysStartingWith("allocation.weight.")) {
            String user = key.substring("allocation.weight.".length()).toLowerCase(Locale.ROOT);
            if (user.isEmpty()) {
                continue;
            }
            try {
                weights.put(user, Weight.parse(source.get(key).orElse("1")));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, e.getMessage());
            }
        }
        return weights;
    }

    private static WorkingCalendar calendar(ConfigSource source) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String key = "allocation.working-days";
        for (String part : split(source.get(key).orElse("MON-SUN"), ",")) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw new ConfigException(key, "'" + part + "' is not a day (MON…SUN) or a range (MON-FRI)");
            }
            DayOfWeek from = day(key, range[0]);
            DayOfWeek to = range.length == 2 ? day(key, range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new ConfigException(key, "names no working day");
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (String h : split(source.get("allocation.holidays").orElse(""), ",")) {
            try {
                holidays.add(LocalDate.parse(h));
            } catch (DateTimeException e) {
                throw new ConfigException("allocation.holidays", "'" + h + "' is not a date written yyyy-MM-dd");
            }
        }
        return new WorkingCalendar(days, holidays);
    }

    private static DayOfWeek day(String key, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw new ConfigException(key, "'" + text.trim() + "' is not a day of the week (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static boolean bool(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key, "'" + value + "' is not true or false");
        }
        return v.equals("true");
    }

    private static List<String> split(String value, String separator) {
        List<String> parts = new ArrayList<>();
        for (String p : value.split(Pattern.quote(separator))) {
            if (!p.isBlank()) {
                parts.add(p.trim());
            }
        }
        return parts;
    }
}
