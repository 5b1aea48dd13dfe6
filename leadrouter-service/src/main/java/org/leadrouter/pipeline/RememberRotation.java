package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.RowStatus;

import java.util.Objects;

import org.leadrouter.state.StateDatabase;

/** After an apply run: stores where the tie rotation stopped, so the next run starts with the next advisor. */
public final class RememberRotation {
    private final StateDatabase state;

    public RememberRotation(StateDatabase state) {
        this.state = Objects.requireNonNull(state, "state == null");
    }

    public DistributionBatch remember(DistributionBatch batch) throws Exception {
        if (batch.apply() && batch.rotationAfter() != null && batch.count(RowStatus.CREATED) > 0) {
            state.putValue(AllocateLeads.ROTATION_KEY, batch.rotationAfter());
        }
        return batch;
    }
}
