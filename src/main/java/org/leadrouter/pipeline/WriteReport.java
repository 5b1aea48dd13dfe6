package org.leadrouter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Last step: writes the result report where the request asked. */
public final class WriteReport implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        BatchReport.write(exchange.getMessage().getMandatoryBody(DistributionBatch.class));
    }
}
