package org.leadrouter.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.leadrouter.config.Settings;
import org.leadrouter.journal.Journal;
import org.leadrouter.pipeline.BatchReport;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.pipeline.DistributionSteps;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.routes.DistributionRoute;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.vtiger.VtigerCallListener;
import org.leadrouter.vtiger.VtigerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline, as {@link Wiring#distribution} built it inside one Camel context (the VTiger client, the
 * state database and journal, the distribution routes): the one-shot command runs a file through it with
 * {@link #distribute}; the daemon's routes call the distribution routes. Closing it stops Camel and closes the rest.
 */
public final class Leadrouter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadrouter.class);

    private final CamelContext camel;
    private final StateDatabase state;
    private final Journal journal;
    private final VtigerClient vtiger;
    private final Wiring.Pipeline pipeline;
    private final ShutdownSignal shutdown;
    private Main main;
    private ProducerTemplate producer;

    /** Built by {@link Wiring#distribution}. */
    Leadrouter(CamelContext camel, StateDatabase state, Journal journal, VtigerClient vtiger, Wiring.Pipeline pipeline,
               ShutdownSignal shutdown) {
        this.camel = camel;
        this.state = state;
        this.journal = journal;
        this.vtiger = vtiger;
        this.pipeline = pipeline;
        this.shutdown = shutdown;
    }

    /** Builds and starts the application in a Camel Main of its own, without a configuration file (tests). */
    public static Leadrouter start(Settings settings, Clock clock, VtigerCallListener listener) throws Exception {
        return start(CamelConfiguration.plainMain(), settings, clock, listener);
    }

    /**
     * Builds and starts the application in {@code main} (the one-shot command): Camel is configured first, from the
     * {@code camel.*} keys of the configuration, and a key Camel cannot apply stops it before anything is built.
     */
    public static Leadrouter start(Main main, Settings settings, Clock clock, VtigerCallListener listener) throws Exception {
        // SIGTERM ends a one-shot run at once, as it always has: what it created is in the journal, and the next run
        // settles what was in flight by its import marker
        if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy hangup) {
            hangup.disableHangupSupport();
        }
        main.init();
        Leadrouter app;
        try {
            app = Wiring.distribution(main.getCamelContext(), settings, clock, listener);
        } catch (Exception | Error e) {
            main.stop();
            throw e;
        }
        app.main = main;
        try {
            main.start();
            return app;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    /**
     * Runs one file through the pipeline; never throws for the file's own trouble, which the result carries. When
     * the run stops early the report is still written, with the rows it did not finish marked as errors.
     */
    public DistributionResult distribute(DistributionRequest request) {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        Exchange exchange = producer.send(DistributionRoute.ENDPOINT, e -> e.getMessage().setBody(request));
        // the batch is the body from the first step on; before it (the file could not be read) there is none
        DistributionBatch batch = exchange.getMessage().getBody() instanceof DistributionBatch b ? b : null;
        Exception failure = exchange.getException();
        Path report = failure == null ? request.report() : null;
        if (failure != null && batch != null && !(failure instanceof ShutdownSignal.StopRequested)) {
            batch.stopped("not processed: " + failure.getMessage());
            try {
                report = BatchReport.writeStopped(batch, pipeline.steps().reportSettings());
            } catch (IOException e) {
                LOG.error("cannot write the report {}: {}", request.report(), e.getMessage());
                failure.addSuppressed(e);
            }
        }
        return new DistributionResult(batch, failure, report);
    }

    public VtigerClient vtiger() { return vtiger; }
    public CamelContext camel() { return camel; }
    public Journal journal() { return journal; }
    public StateDatabase state() { return state; }
    public DistributionSteps steps() { return pipeline.steps(); }
    Wiring.Pipeline pipeline() { return pipeline; }
    public ShutdownSignal shutdown() { return shutdown; }

    @Override
    public void close() {
        try {
            if (main != null) {
                main.stop();
            }
            camel.close();
        } catch (Exception e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        } finally {
            vtiger.close();
            state.close();
        }
    }
}
