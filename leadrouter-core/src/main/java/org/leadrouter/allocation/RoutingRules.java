package org.leadrouter.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured pools and the ordered rules: the first matching rule names a lead's pool. None: default pool. */
public final class RoutingRules {
    public static final RoutingRules NONE = new RoutingRules(List.of(), List.of());

    private final List<RoutingRule> rules;
    private final Map<String, Pool> pools;
    private final List<Pool> poolOrder;

    public RoutingRules(List<Pool> pools, List<RoutingRule> rules) {
        Map<String, Pool> byName = new LinkedHashMap<>();
        for (Pool p : pools) {
            if (p.isDefault()) {
                throw new IllegalArgumentException("the pool name '" + Pool.DEFAULT + "' is reserved for everyone");
            }
            byName.put(p.name(), p);
        }
        List<RoutingRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(RoutingRule::number));
        for (RoutingRule r : sorted) {
            if (!byName.containsKey(r.pool())) {
                throw new IllegalArgumentException("rule " + r.number() + " names the pool '" + r.pool() + "', which is not defined");
            }
        }
        this.rules = List.copyOf(sorted);
        this.pools = Map.copyOf(byName);
        this.poolOrder = List.copyOf(byName.values());
    }

    /** The first rule that matches, or empty (the lead goes to the default pool). */
    public Optional<RuleMatch> route(LeadAttributes lead) {
        for (RoutingRule r : rules) {
            Optional<RuleMatch> m = r.match(lead);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    public Pool pool(String name) {
        Pool p = pools.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no pool named " + name);
        }
        return p;
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The named pools, in the order configured. */
    public List<Pool> pools() {
        return poolOrder;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
