package org.leadrouter.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.leadrouter.vtiger.RetryPolicy;
import org.leadrouter.vtiger.Sleeper;
import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtigerUnavailableException;
import org.leadrouter.vtiger.VtqlLiteral;
import org.leadrouter.vtiger.VtqlQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.leadrouter.i18n.Messages;

/**
 * Creates one Lead so that it exists exactly once: when an answer is lost after the request may have arrived,
 * VTiger is asked whether the lead (found by its import marker) exists before the create is sent again.
 */
final class LeadCreator {
    private static final Logger LOG = LoggerFactory.getLogger(LeadCreator.class);

    private final VtigerClient vtiger;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    LeadCreator(VtigerClient vtiger, RetryPolicy retry, Sleeper sleeper) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    }

    /**
     * The created (or found) record's id, when it was found rather than created a note saying so, and the record
     * as VTiger stored it (empty when it was found).
     */
    record Created(String id, String note, Map<String, String> stored) {
    }

    Created create(Map<String, String> element, String marker) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, String> stored = vtiger.create("Leads", element);
                return new Created(stored.get("id"), null, stored);
            } catch (VtigerUnavailableException e) {
                if (!e.mayHaveArrived()) {
                    throw e; // never sent: the client has already retried it as often as configured
                }
                // VTiger may still be working on the request it never answered: give it time, then look
                sleeper.sleep(retry.backoff(attempt));
                String found = findByMarker(marker);
                if (found != null) {
                    LOG.info("a lead whose answer was lost had been created ({}); not sending it again", found);
                    return new Created(found, Messages.t("note.created-answer-lost"),
                            Map.of());
                }
                if (attempt >= retry.attempts()) {
                    throw e;
                }
            }
        }
    }

    /** The id of the Lead carrying {@code marker}, or null. */
    public String findByMarker(String marker) {
        VtqlQuery q = VtqlQuery.select("id").from("Leads")
                .where("description", "LIKE", VtqlLiteral.likeContaining(marker)).build();
        List<Map<String, String>> rows = vtiger.query(q.page(0, 1));
        return rows.isEmpty() ? null : rows.get(0).get("id");
    }
}
