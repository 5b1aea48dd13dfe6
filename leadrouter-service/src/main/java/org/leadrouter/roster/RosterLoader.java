package org.leadrouter.roster;

import org.leadrouter.allocation.Roster;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.BusinessDay;
import org.leadrouter.config.ConfigException;
import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUser;
import org.leadrouter.vtiger.VtqlQuery;
import org.leadrouter.i18n.Messages;

/**
 * Reads the roster from VTiger: active users filtered into advisors, and the leads assigned to each of them whose
 * {@code createdtime} falls in today's business day (converted from the allocation time zone to the server's).
 */
public final class RosterLoader {
    private final VtigerClient vtiger;
    private final AdvisorSelection selection;
    private final ToIntFunction<String> capOf;
    private final ZoneId businessZone;
    private final ZoneId serverZone;

    public RosterLoader(VtigerClient vtiger, AdvisorSelection selection, ToIntFunction<String> capOf,
                        ZoneId businessZone, ZoneId serverZone) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.selection = Objects.requireNonNull(selection, "selection == null");
        this.capOf = Objects.requireNonNull(capOf, "capOf == null");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone == null");
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone == null");
    }

    public Roster load(Clock clock) {
        BusinessDay day = BusinessDay.today(clock, businessZone, serverZone);
        List<String> notes = new ArrayList<>();
        List<Advisor> advisors = selection.select(activeUsersAsAdmin(), vtiger.userId(), capOf, notes);
        if (advisors.isEmpty()) {
            notes.add(Messages.t("note.no-advisor-qualifies"));
            return new Roster(day, advisors, Map.of(), Map.of(), notes);
        }
        Set<String> ids = advisors.stream().map(Advisor::id).collect(Collectors.toSet());
        VtqlQuery today = VtqlQuery.select("id", "assigned_user_id").from("Leads")
                .where("createdtime", ">=", day.serverStart())
                .and("createdtime", "<", day.serverEnd())
                .orderBy("id").build();
        Map<String, Set<String>> leads = new HashMap<>();
        for (Map<String, String> lead : vtiger.queryAll(today)) {
            String owner = lead.getOrDefault("assigned_user_id", "");
            if (ids.contains(owner)) {
                leads.computeIfAbsent(owner, o -> new HashSet<>()).add(lead.get("id"));
            }
        }
        return new Roster(day, advisors, Map.of(), leads, notes).plus(Map.of());
    }

    /**
     * The active users, read as an admin: VTiger lets only an admin read Users and assign leads to anyone, so a
     * non-admin API user is a setting to fix before anything is sent, not a failure of each row.
     */
    private List<VtigerUser> activeUsersAsAdmin() {
        if (vtiger.apiUserIsAdmin().filter(admin -> !admin).isPresent()) {
            throw notAnAdmin();
        }
        try {
            return vtiger.activeUsers();
        } catch (VtigerException e) {
            if ("ACCESS_DENIED".equals(e.code())) {
                throw notAnAdmin();
            }
            throw e;
        }
    }

    private static ConfigException notAnAdmin() {
        return new ConfigException("vtiger.username", "the API user must be a VTiger admin: VTiger lets only admins read "
                + "the users and assign leads to them. Make this user an admin in VTiger (Settings > Users), or set "
                + "vtiger.username and vtiger.access-key to an admin user");
    }
}
