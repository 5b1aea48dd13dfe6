package org.leadrouter.routes;

import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.leadrouter.pipeline.DistributionSteps;

/**
 * The distribution pipeline, one batch at a time: a CSV file (read, then settled against the journal) or the
 * deferred queue, then validate → find duplicates → allocate → create each planned lead (apply only) →
 * write the report → journal the outcome. The one-shot {@code run} command and the daemon both come here.
 */
public final class DistributionRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:distribute";
    public static final String DEFERRED_ENDPOINT = "direct:distribute-deferred";
    private static final String PIPELINE = "direct:pipeline";

    private final DistributionSteps steps;

    public DistributionRoute(DistributionSteps steps) {
        this.steps = Objects.requireNonNull(steps, "steps == null");
    }

    @Override
    public void configure() {
        // failures go back to the caller (the command, or the inbox route's error policy) untouched
        errorHandler(noErrorHandler());

        from(ENDPOINT).routeId("distribute-file")
            .process(steps.read()).id("read-csv")
            .process(steps.recallJournal()).id("recall-journal")
            .to(PIPELINE);

        from(DEFERRED_ENDPOINT).routeId("distribute-deferred")
            .process(steps.loadDeferred()).id("load-deferred")
            .to(PIPELINE);

        from(PIPELINE).routeId("pipeline")
            .process(steps.validate()).id("validate")
            .process(steps.findDuplicates()).id("find-duplicates")
            .process(steps.allocate()).id("allocate")
            .filter(simple("${body.apply}"))
                .split(simple("${body.plannedRows}")).stopOnException()
                    .process(steps.create()).id("create-lead")
                    .process(steps.progress()).id("progress")
                .end()
                .process(steps.rememberRotation()).id("remember-rotation")
            .end()
            .process(steps.writeReport()).id("write-report")
            .process(steps.recordOutcome()).id("record-outcome");
    }
}
