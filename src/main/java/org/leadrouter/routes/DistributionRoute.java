package org.leadrouter.routes;

import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.leadrouter.pipeline.DistributionSteps;

/**
 * The distribution pipeline, one file at a time: read → validate → find duplicates → allocate →
 * create each planned lead (apply only) → remember the rotation → write the report.
 * The one-shot {@code run} command and the daemon both send their files here.
 */
public final class DistributionRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:distribute";

    private final DistributionSteps steps;

    public DistributionRoute(DistributionSteps steps) {
        this.steps = Objects.requireNonNull(steps, "steps == null");
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("distribute")
            .process(steps.read()).id("read-csv")
            .process(steps.validate()).id("validate")
            .process(steps.findDuplicates()).id("find-duplicates")
            .process(steps.allocate()).id("allocate")
            .filter(simple("${body.apply}"))
                .split(simple("${body.plannedRows}")).stopOnException()
                    .process(steps.create()).id("create-lead")
                .end()
                .process(steps.rememberRotation()).id("remember-rotation")
            .end()
            .process(steps.writeReport()).id("write-report");
    }
}
