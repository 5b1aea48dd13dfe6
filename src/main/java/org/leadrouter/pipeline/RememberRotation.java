package org.leadrouter.pipeline;

import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.state.StateDatabase;

/** After an apply run: stores where the tie rotation stopped, so the next run starts with the next advisor. */
public final class RememberRotation implements Processor {
    private final StateDatabase state;

    public RememberRotation(StateDatabase state) {
        this.state = Objects.requireNonNull(state, "state == null");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DistributionBatch batch = exchange.getMessage().getMandatoryBody(DistributionBatch.class);
        if (batch.apply() && batch.rotationAfter() != null && batch.count(RowStatus.CREATED) > 0) {
            state.putValue(AllocateLeads.ROTATION_KEY, batch.rotationAfter());
        }
    }
}
