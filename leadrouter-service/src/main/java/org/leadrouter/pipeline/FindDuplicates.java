package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.dedupe.crm.CrmDuplicateFinder;
import org.leadrouter.dedupe.CrmRecordRef;
import org.leadrouter.dedupe.DuplicateDetector;

/** Step 3: marks rows whose email or phone is already in the CRM or in an earlier row of the file. */
public final class FindDuplicates {
    private final CrmDuplicateFinder crm;

    public FindDuplicates(CrmDuplicateFinder crm) {
        this.crm = Objects.requireNonNull(crm, "crm == null");
    }

    public DistributionBatch find(DistributionBatch batch) throws Exception {
        List<LeadRow> candidates = batch.rows().stream().filter(r -> r.status() == RowStatus.PENDING).toList();
        Set<ContactKey> keys = new LinkedHashSet<>();
        candidates.forEach(r -> keys.addAll(r.keys()));
        Map<ContactKey, List<CrmRecordRef>> existing = crm.existing(keys);
        DuplicateDetector detector = new DuplicateDetector(existing);
        for (LeadRow row : candidates) {
            detector.check(row.rowNumber(), row.keys()).ifPresent(row::duplicate);
        }
        return batch;
    }
}
