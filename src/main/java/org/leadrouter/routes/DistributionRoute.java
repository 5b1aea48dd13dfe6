package org.leadrouter.routes;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
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
    private final int createConcurrency;

    public DistributionRoute(DistributionSteps steps) {
        this(steps, 1);
    }

    /** @param createConcurrency creates in flight at once (one VTiger session each); 1 creates one after another */
    public DistributionRoute(DistributionSteps steps, int createConcurrency) {
        this.steps = Objects.requireNonNull(steps, "steps == null");
        if (createConcurrency < 1) {
            throw new IllegalArgumentException("createConcurrency < 1");
        }
        this.createConcurrency = createConcurrency;
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
                .split(simple("${body.plannedRows}")).executorService(createThreads()).parallelProcessing(createConcurrency > 1)
                    .process(steps.create()).id("create-lead")
                    .process(steps.progress()).id("progress")
                .end()
                .process(steps.haltCreating()).id("halt-creating")
                .process(steps.rememberRotation()).id("remember-rotation")
            .end()
            .process(steps.writeReport()).id("write-report")
            .process(steps.recordOutcome()).id("record-outcome");
    }

    /**
     * The threads of the parallel creates: as many as sessions, and a short queue. When the queue is full the route's
     * own thread waits its turn by creating a row itself, so a file of any size never holds more than a few rows'
     * work in memory; the session pool still keeps the requests in flight at {@code createConcurrency}.
     */
    private ExecutorService createThreads() {
        if (createConcurrency == 1) {
            return null;
        }
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("create-leads").poolSize(createConcurrency)
                .maxPoolSize(createConcurrency).maxQueueSize(createConcurrency * 2)
                .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build();
        return getContext().getExecutorServiceManager().newThreadPool(this, "create-leads", profile);
    }
}
