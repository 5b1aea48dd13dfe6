package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;

import java.lang.ref.WeakReference;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** After each create: counts the batch's rows sent and created, and tells the {@link RunProgress} listener. */
public final class ReportProgress {
    private volatile RunProgress listener = RunProgress.NONE;
    /** The batch being counted; weakly, so that a finished batch is not kept until the next one comes. */
    private WeakReference<DistributionBatch> batch = new WeakReference<>(null);
    private int done;
    private int created;

    /** From now on, progress goes to {@code listener}. */
    public void listenWith(RunProgress listener) {
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /**
     * One planned row was sent; {@code total} is the size of the split's list of planned rows. A row left unsent
     * because creating stopped (VTiger gone, a stop, a create without an answer) is not told: it was not sent.
     */
    public void rowSent(CreateLead.Planned planned, @ExchangeProperty(Exchange.SPLIT_SIZE) Integer total) {
        LeadRow row = planned.row();
        DistributionBatch current = planned.batch();
        if (row.status() == RowStatus.PLANNED) {
            return;
        }
        // batches go one at a time; rows of one batch may be created in parallel, and are told in order
        synchronized (this) {
            if (current != batch.get()) {
                batch = new WeakReference<>(current);
                done = 0;
                created = 0;
            }
            int sent = ++done;
            int ok = row.status() == RowStatus.CREATED ? ++created : created;
            listener.rowSent(sent, ok, total == null ? sent : Math.max(total, sent));
        }
    }
}
