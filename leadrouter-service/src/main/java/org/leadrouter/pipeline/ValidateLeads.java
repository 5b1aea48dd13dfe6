package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.lead.LeadValidator;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.lead.Validation;

/** Step 2: validates and normalises each row; invalid rows stop here and never reach VTiger. */
public final class ValidateLeads {
    private final LeadValidator validator;
    private final PhoneNormaliser phones;

    public ValidateLeads(PhoneNormaliser phones) {
        this.phones = Objects.requireNonNull(phones, "phones == null");
        this.validator = new LeadValidator(phones);
    }

    public DistributionBatch validate(DistributionBatch batch) throws Exception {
        for (LeadRow row : batch.rows()) {
            if (row.status() != RowStatus.PENDING) {
                continue;
            }
            Validation v = validator.validate(row.raw());
            if (v instanceof Validation.Valid valid) {
                List<ContactKey> keys = new ArrayList<>(2);
                ContactKey.email(valid.lead().email()).ifPresent(keys::add);
                ContactKey.phone(valid.lead().phone(), phones).ifPresent(keys::add);
                row.valid(valid.lead(), keys);
            } else {
                row.invalid(((Validation.Invalid) v).reason());
            }
        }
        return batch;
    }
}
