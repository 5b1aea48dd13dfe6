package org.leadrouter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Right after the creates of a batch have all finished: when creating was halted, the run stops here with the reason
 * (the file then waits in the inbox, or the command reports it), exactly as if the create itself had thrown it.
 */
public final class HaltCreating implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionBatch batch = exchange.getMessage().getMandatoryBody(DistributionBatch.class);
        Exception reason = batch.haltReason();
        if (reason != null) {
            throw reason;
        }
    }
}
