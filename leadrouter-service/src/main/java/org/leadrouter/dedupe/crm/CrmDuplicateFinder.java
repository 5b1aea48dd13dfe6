package org.leadrouter.dedupe.crm;

import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.dedupe.CrmRecordRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtqlQuery;

/**
 * Finds which contact keys already exist in the CRM: syncs the mirror, looks the keys up locally, then confirms
 * the candidate records still exist in VTiger (in batches), forgetting those that are gone.
 */
public final class CrmDuplicateFinder {
    private static final int CONFIRM_BATCH = 100;

    private final VtigerClient vtiger;
    private final CrmKeyMirror mirror;
    private final CrmMirrorSync sync;
    private final List<String> modules;

    public CrmDuplicateFinder(VtigerClient vtiger, CrmKeyMirror mirror, CrmMirrorSync sync, List<String> modules) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.mirror = Objects.requireNonNull(mirror, "mirror == null");
        this.sync = Objects.requireNonNull(sync, "sync == null");
        this.modules = List.copyOf(modules);
    }

    /** For each key that some existing CRM record of the configured modules holds, those records. */
    public Map<ContactKey, List<CrmRecordRef>> existing(Collection<ContactKey> keys) {
        if (keys.isEmpty() || modules.isEmpty()) {
            return Map.of();
        }
        for (String module : modules) {
            sync.sync(module);
        }
        Map<ContactKey, List<CrmRecordRef>> candidates = new LinkedHashMap<>();
        Map<String, Set<String>> idsByModule = new LinkedHashMap<>();
        for (Map.Entry<ContactKey, List<CrmRecordRef>> known : mirror.findAll(keys).entrySet()) {
            ContactKey key = known.getKey();
            List<CrmRecordRef> refs = known.getValue().stream().filter(r -> modules.contains(r.module())).toList();
            if (!refs.isEmpty()) {
                candidates.put(key, refs);
                refs.forEach(r -> idsByModule.computeIfAbsent(r.module(), m -> new HashSet<>()).add(r.recordId()));
            }
        }
        Set<String> alive = new HashSet<>();
        Set<String> gone = new HashSet<>();
        idsByModule.forEach((module, ids) -> confirm(module, ids, alive, gone));
        if (!gone.isEmpty()) {
            mirror.forget(gone);
        }
        Map<ContactKey, List<CrmRecordRef>> confirmed = new LinkedHashMap<>();
        candidates.forEach((key, refs) -> {
            List<CrmRecordRef> live = refs.stream().filter(r -> alive.contains(r.recordId())).toList();
            if (!live.isEmpty()) {
                confirmed.put(key, live);
            }
        });
        return confirmed;
    }

    private void confirm(String module, Set<String> ids, Set<String> alive, Set<String> gone) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CONFIRM_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + CONFIRM_BATCH));
            VtqlQuery q = VtqlQuery.select("id").from(module).in("id", batch, false).build();
            Set<String> found = new HashSet<>();
            vtiger.query(q.page(0, CONFIRM_BATCH)).forEach(row -> found.add(row.get("id")));
            for (String id : batch) {
                (found.contains(id) ? alive : gone).add(id);
            }
        }
    }
}
