package org.leadrouter.routes;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.pipeline.DistributionSteps;

/**
 * The distribution pipeline, one batch at a time: a CSV file (read, then settled against the journal) or the
 * deferred queue, then validate → find duplicates → allocate → create each planned lead (apply only) →
 * report (write it, journal the outcome). The one-shot {@code run} command and the daemon both come here. Each step
 * is a plain bean of {@link DistributionSteps} that takes the batch and gives it back; the batch is the body.
 */
public final class DistributionRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:distribute";
    public static final String DEFERRED_ENDPOINT = "direct:distribute-deferred";
    private static final String PIPELINE = "direct:pipeline";
    private static final String REPORT = "direct:report";

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
        // failures go back to the caller (the command, or the daemon's error policy) untouched
        errorHandler(noErrorHandler());

        from(ENDPOINT).routeId("distribute-file")
            .bean(steps.read(), "read").id("read-csv")
            .bean(steps.recallJournal(), "recall").id("recall-journal")
            .to(PIPELINE);

        from(DEFERRED_ENDPOINT).routeId("distribute-deferred")
            .bean(steps.loadDeferred(), "load").id("load-deferred")
            .to(PIPELINE);

        from(PIPELINE).routeId("pipeline")
            .bean(steps.validate(), "validate").id("validate")
            .bean(steps.findDuplicates(), "find").id("find-duplicates")
            .bean(steps.allocate(), "allocate").id("allocate")
            // a plain predicate, not simple("${body.apply}"): Camel caches the bean info of an OGNL call per object
            // called, so every batch would stay in that cache for as long as the service runs
            .filter(exchange -> exchange.getMessage().getBody(DistributionBatch.class).apply())
                .split(method(steps.create(), "planned")).executorService(createThreads()).parallelProcessing(createConcurrency > 1)
                    .bean(steps.create(), "create").id("create-lead")
                    .bean(steps.progress(), "rowSent").id("progress")
                .end()
                .bean(steps.haltCreating(), "haltIfStopped").id("halt-creating")
                .bean(steps.rememberRotation(), "remember").id("remember-rotation")
            .end()
            .to(REPORT);

        from(REPORT).routeId("report")
            .bean(steps.writeReport(), "write").id("write-report")
            .bean(steps.recordOutcome(), "record").id("record-outcome");
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
