package org.leadrouter.app;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;
import org.leadrouter.pipeline.BatchReport;
import org.leadrouter.pipeline.CreateLead;
import org.leadrouter.pipeline.DistributionBatch;
import org.leadrouter.pipeline.DistributionRequest;
import org.leadrouter.pipeline.DistributionResult;
import org.leadrouter.pipeline.DistributionSteps;
import org.leadrouter.routes.DistributionRoute;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.vtiger.CamelHttpTransport;
import org.leadrouter.vtiger.RetryPolicy;
import org.leadrouter.vtiger.Sleeper;
import org.leadrouter.vtiger.VtigerCallListener;
import org.leadrouter.vtiger.VtigerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: a Camel context holding the distribution route, the VTiger client and the state
 * database, all built from the settings. Both the one-shot command and the daemon run through one of these.
 */
public final class Leadrouter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadrouter.class);

    private final CamelContext camel;
    private final StateDatabase state;
    private final VtigerClient vtiger;
    private final ProducerTemplate producer;

    private Leadrouter(CamelContext camel, StateDatabase state, VtigerClient vtiger) {
        this.camel = camel;
        this.state = state;
        this.vtiger = vtiger;
        this.producer = camel.createProducerTemplate();
    }

    /** Builds and starts the application. */
    public static Leadrouter start(Settings settings, Clock clock, VtigerCallListener listener) throws Exception {
        Objects.requireNonNull(settings, "settings == null");
        StateDatabase state = StateDatabase.open(settings.stateDir());
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("leadrouter");
        try {
            VtigerSettings vs = settings.vtiger();
            VtigerClient vtiger = new VtigerClient(new CamelHttpTransport(camel, vs), vs.username(), vs.accessKey(),
                    new RetryPolicy(vs.retryAttempts(), vs.initialBackoff(), vs.maxBackoff()), Sleeper.REAL, listener);
            camel.addRoutes(new DistributionRoute(new DistributionSteps(settings, vtiger, state, clock)));
            camel.start();
            return new Leadrouter(camel, state, vtiger);
        } catch (Exception | Error e) {
            camel.close();
            state.close();
            throw e;
        }
    }

    /** Runs one file through the pipeline; never throws for the file's own trouble, which the result carries. */
    public DistributionResult distribute(DistributionRequest request) {
        Exchange exchange = producer.send(DistributionRoute.ENDPOINT, e -> e.getMessage().setBody(request));
        DistributionBatch batch = exchange.getProperty(CreateLead.BATCH, DistributionBatch.class);
        Exception failure = exchange.getException();
        if (failure != null && batch != null) {
            batch.stopped("not processed: " + failure.getMessage());
            try {
                BatchReport.write(batch);
            } catch (IOException e) {
                LOG.error("cannot write the report {}: {}", request.report(), e.getMessage());
                failure.addSuppressed(e);
            }
        }
        return new DistributionResult(batch, failure);
    }

    public VtigerClient vtiger() {
        return vtiger;
    }

    public CamelContext camel() {
        return camel;
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        } finally {
            state.close();
        }
    }
}
