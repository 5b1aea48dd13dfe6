package org.leadrouter.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.leadrouter.batch.RowOrigin;
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
 * Creates one Lead so that it exists exactly once, and owns the rule for leads whose create was sent but not
 * answered (a timeout, a dropped connection, a crash or a stop in the middle): such a lead is looked up by its import
 * marker, and sent again only when VTiger still does not have it {@code vtiger.create-settle-time} after it was sent
 * — longer than VTiger can still be working on the request. Until then {@link CreateUnsettledException} says when
 * to come back.
 */
public final class LeadCreator {
    private static final Logger LOG = LoggerFactory.getLogger(LeadCreator.class);

    private final VtigerClient vtiger;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Duration settleTime;
    private final Clock clock;

    public LeadCreator(VtigerClient vtiger, RetryPolicy retry, Sleeper sleeper, Duration settleTime, Clock clock) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.settleTime = Objects.requireNonNull(settleTime, "settleTime == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The created (or found) record's id, when it was found rather than created a note saying so, and the record
     * as VTiger stored it (empty when it was found).
     */
    record Created(String id, String note, Map<String, String> stored) {
    }

    /**
     * Sends the create once. When its answer is lost, the lead is looked for after a short wait (VTiger is often
     * just slow); when it is not there yet, {@link CreateUnsettledException} — it is never sent a second time here.
     */
    Created create(Map<String, String> element, RowOrigin origin) throws InterruptedException {
        Instant sent = clock.instant();
        try {
            Map<String, String> stored = vtiger.create("Leads", element);
            return new Created(stored.get("id"), null, stored);
        } catch (VtigerUnavailableException e) {
            if (!e.mayHaveArrived()) {
                throw e; // never sent: the client has already retried it as often as configured
            }
            sleeper.sleep(retry.backoff().delay(1));
            String found = findByMarker(origin.marker());
            if (found != null) {
                LOG.info("row {}: the answer to its create was lost, but the lead had been created ({}); not sending it again",
                        origin.row(), found);
                return new Created(found, Messages.t("note.created-answer-lost"), Map.of());
            }
            LOG.warn("row {}: VTiger did not answer its create ({}) and does not show the lead yet; it is not sent again"
                    + " before {}", origin.row(), e.getMessage(), sent.plus(settleTime));
            throw new CreateUnsettledException(origin, sent.plus(settleTime));
        }
    }

    /**
     * For a lead whose create was sent at {@code sentAt} and which VTiger does not show: may it be sent again now?
     * Throws {@link CreateUnsettledException} while VTiger may still be working on the first request.
     */
    void requireSettled(RowOrigin origin, Instant sentAt) {
        Instant notBefore = (sentAt == null ? clock.instant() : sentAt).plus(settleTime);
        if (clock.instant().isBefore(notBefore)) {
            throw new CreateUnsettledException(origin, notBefore);
        }
        LOG.info("row {}: its create of {} left no lead in VTiger after {}s; sending it again", origin.row(), sentAt,
                settleTime.toSeconds());
    }

    /** The id of the Lead carrying {@code marker}, or null. */
    public String findByMarker(String marker) {
        VtqlQuery q = VtqlQuery.select("id").from("Leads")
                .where("description", "LIKE", VtqlLiteral.likeContaining(marker)).build();
        List<Map<String, String>> rows = vtiger.query(q.page(0, 1));
        return rows.isEmpty() ? null : rows.get(0).get("id");
    }
}
