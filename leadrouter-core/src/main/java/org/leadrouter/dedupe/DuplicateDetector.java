package org.leadrouter.dedupe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.i18n.Messages;

/**
 * Decides, row by row in file order, whether a lead is a duplicate: of a CRM record (already confirmed to exist)
 * or of an earlier row of the same file. Pure: the CRM side arrives as a ready map.
 */
public final class DuplicateDetector {
    private final Map<ContactKey, List<CrmRecordRef>> crmMatches;
    private final Map<ContactKey, Integer> seenInFile = new HashMap<>();

    public DuplicateDetector(Map<ContactKey, List<CrmRecordRef>> crmMatches) {
        this.crmMatches = Objects.requireNonNull(crmMatches, "crmMatches == null");
    }

    /**
     * The reason this row is a duplicate, or empty when it is new. Every row's keys are remembered, so a later
     * row with the same email or phone is a duplicate of this one.
     */
    public Optional<String> check(int row, List<ContactKey> keys) {
        String reason = null;
        for (ContactKey key : keys) {
            List<CrmRecordRef> inCrm = crmMatches.getOrDefault(key, List.of());
            if (!inCrm.isEmpty()) {
                reason = inCrm.size() > 1
                        ? Messages.t("duplicate.crm-and-more", Messages.t("key." + key), inCrm.get(0).describe(),
                                inCrm.size() - 1)
                        : Messages.t("duplicate.crm", Messages.t("key." + key), inCrm.get(0).describe());
                break;
            }
        }
        if (reason == null) {
            for (ContactKey key : keys) {
                Integer earlier = seenInFile.get(key);
                if (earlier != null) {
                    reason = Messages.t("duplicate.earlier-row", Messages.t("key." + key), earlier);
                    break;
                }
            }
        }
        for (ContactKey key : keys) {
            seenInFile.putIfAbsent(key, row);
        }
        return Optional.ofNullable(reason);
    }
}
