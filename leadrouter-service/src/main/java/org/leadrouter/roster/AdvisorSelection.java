package org.leadrouter.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.vtiger.VtigerUser;
import org.leadrouter.i18n.Messages;

/**
 * Which active VTiger users are advisors: not admins (unless asked), never the API user itself, then
 * {@code advisors.include} (when set, only those) and {@code advisors.exclude}. Pure.
 */
public final class AdvisorSelection {
    private final Set<String> include;
    private final Set<String> exclude;
    private final boolean includeAdmins;

    public AdvisorSelection(Set<String> include, Set<String> exclude, boolean includeAdmins) {
        this.include = lower(include);
        this.exclude = lower(exclude);
        this.includeAdmins = includeAdmins;
    }

    /** The advisors among {@code users}; {@code notes} receives what a user of the tool should know. */
    public List<Advisor> select(List<VtigerUser> users, String apiUserId, ToIntFunction<String> capOf, List<String> notes) {
        List<Advisor> advisors = new ArrayList<>();
        Set<String> seen = users.stream().map(u -> u.userName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (VtigerUser u : users) {
            String name = u.userName().toLowerCase(Locale.ROOT);
            if (u.id().equals(apiUserId)) {
                continue;
            }
            if (u.admin() && !includeAdmins && !include.contains(name)) {
                continue;
            }
            if (!include.isEmpty() && !include.contains(name) || exclude.contains(name)) {
                continue;
            }
            advisors.add(new Advisor(u.id(), u.userName(), u.displayName(), capOf.applyAsInt(u.userName())));
        }
        for (String wanted : include) {
            if (!seen.contains(wanted)) {
                notes.add(Messages.t("note.include-unknown", wanted));
            }
        }
        return advisors;
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
