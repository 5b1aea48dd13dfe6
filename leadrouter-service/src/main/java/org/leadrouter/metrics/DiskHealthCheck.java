package org.leadrouter.metrics;

/**
 * Camel health check {@code leadrouter/disk}: DOWN while the daemon cannot write a folder it needs (outbox, archive,
 * error) or its state database — typically a full disk — with the reason; UP again as soon as a file goes through,
 * or, for the state, as soon as it answers again. A full disk heals when space is freed, so readiness only.
 */
public final class DiskHealthCheck extends TroubleHealthCheck {
    public static final String ID = "disk";
    private volatile String trouble;
    private volatile String stateTrouble;

    public DiskHealthCheck() {
        super(ID);
    }

    @Override
    public void diskTrouble(String reason) {
        trouble = reason;
    }

    @Override
    public void diskRecovered() {
        trouble = null;
    }

    @Override
    public void stateTrouble(String reason) {
        stateTrouble = reason;
    }

    @Override
    public void stateRecovered() {
        stateTrouble = null;
    }

    @Override
    public void fileProcessed(org.leadrouter.batch.DistributionBatch batch) {
        trouble = null;
        stateTrouble = null;
    }

    @Override
    protected String trouble() {
        String state = stateTrouble;
        return state != null ? state : trouble;
    }
}
