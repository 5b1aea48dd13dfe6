package org.leadrouter.lead;

import java.util.Objects;

/** The outcome of validating one row: a lead ready for the CRM, or the plain reason it was rejected. */
public sealed interface Validation permits Validation.Valid, Validation.Invalid {

    /** The row is good enough to create a lead. */
    record Valid(Lead lead) implements Validation {
        public Valid {
            Objects.requireNonNull(lead, "lead == null");
        }
    }

    /** The row cannot become a lead; reason is shown to the user as is. */
    record Invalid(RawLead raw, String reason) implements Validation {
        public Invalid {
            Objects.requireNonNull(raw, "raw == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}
