package org.leadrouter.pipeline;

import java.util.Objects;

import org.leadrouter.config.ReportSettings;

/**
 * The steps of the distribution routes (plain beans, batch in and batch out), in the order the route calls them;
 * built by {@code app.Wiring}.
 *
 * @param progress       after each create, tells the run's {@link RunProgress} (see {@link ReportProgress#listenWith})
 * @param reportSettings how reports are written ({@code report.format}, {@code report.delimiter})
 */
public record DistributionSteps(ReadLeadFile read, RecallJournal recallJournal, LoadDeferred loadDeferred,
                                ValidateLeads validate, FindDuplicates findDuplicates, AllocateLeads allocate,
                                CreateLead create, ReportProgress progress, HaltCreating haltCreating,
                                RememberRotation rememberRotation, WriteReport writeReport, RecordOutcome recordOutcome,
                                ReportSettings reportSettings) {
    public DistributionSteps {
        Objects.requireNonNull(read, "read == null");
        Objects.requireNonNull(recallJournal, "recallJournal == null");
        Objects.requireNonNull(loadDeferred, "loadDeferred == null");
        Objects.requireNonNull(validate, "validate == null");
        Objects.requireNonNull(findDuplicates, "findDuplicates == null");
        Objects.requireNonNull(allocate, "allocate == null");
        Objects.requireNonNull(create, "create == null");
        Objects.requireNonNull(progress, "progress == null");
        Objects.requireNonNull(haltCreating, "haltCreating == null");
        Objects.requireNonNull(rememberRotation, "rememberRotation == null");
        Objects.requireNonNull(writeReport, "writeReport == null");
        Objects.requireNonNull(recordOutcome, "recordOutcome == null");
        Objects.requireNonNull(reportSettings, "reportSettings == null");
    }
}
