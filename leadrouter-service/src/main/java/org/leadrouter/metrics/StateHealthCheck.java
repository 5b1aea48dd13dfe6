package org.leadrouter.metrics;

/**
 * Camel health check {@code leadrouter/state}: DOWN while the state database cannot be used (a full disk under H2, a
 * PostgreSQL server that does not answer), with the reason; files wait meanwhile. UP again once it answers: the state
 * heals when its database answers again, so readiness only.
 */
public final class StateHealthCheck extends TroubleHealthCheck {
    public static final String ID = "state";
    private volatile String trouble;

    public StateHealthCheck() {
        super(ID);
    }

    @Override
    public void stateTrouble(String reason) {
        trouble = reason;
    }

    @Override
    public void stateRecovered() {
        trouble = null;
    }

    @Override
    public void fileProcessed(org.leadrouter.batch.DistributionBatch batch) {
        trouble = null;
    }

    @Override
    protected String trouble() {
        return trouble;
    }
}
