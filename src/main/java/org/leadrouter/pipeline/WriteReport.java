package org.leadrouter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.config.ReportSettings;

/** Last step: writes the result report where the request asked. */
public final class WriteReport implements Processor {
    private final ReportSettings settings;

    public WriteReport(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        BatchReport.write(exchange.getMessage().getMandatoryBody(DistributionBatch.class), settings);
    }
}
