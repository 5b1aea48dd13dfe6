package org.leadrouter.pipeline;

/** Told after each planned row has gone to VTiger (created or refused), for showing a run's progress. */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (done, created, total) -> { };

    /**
     * @param done    planned rows of this batch sent so far (created or refused)
     * @param created how many of those VTiger created
     * @param total   planned rows of this batch
     */
    void rowSent(int done, int created, int total);
}
