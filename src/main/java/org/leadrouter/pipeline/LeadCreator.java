package org.leadrouter.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtqlLiteral;
import org.leadrouter.vtiger.VtqlQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.leadrouter.i18n.Messages;

/**
 * Creates one Lead so that it exists exactly once: when an answer is lost after the request may have arrived,
 * the VTiger client asks, through {@link #findByMarker}, whether the lead exists before it sends the create again.
 */
final class LeadCreator {
    private static final Logger LOG = LoggerFactory.getLogger(LeadCreator.class);

    private final VtigerClient vtiger;

    LeadCreator(VtigerClient vtiger) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
    }

    /**
     * The created (or found) record's id, when it was found rather than created a note saying so, and the record
     * as VTiger stored it (empty when it was found).
     */
    record Created(String id, String note, Map<String, String> stored) {
    }

    Created create(Map<String, String> element, String marker) throws InterruptedException {
        VtigerClient.Creation creation = vtiger.createOnce("Leads", element, () -> findByMarker(marker));
        if (creation.found()) {
            LOG.info("a lead whose answer was lost had been created ({}); not sending it again", creation.id());
            return new Created(creation.id(), Messages.t("note.created-answer-lost"),
                    Map.of());
        }
        return new Created(creation.id(), null, creation.stored());
    }

    /** The id of the Lead carrying {@code marker}, or null. */
    public String findByMarker(String marker) {
        VtqlQuery q = VtqlQuery.select("id").from("Leads")
                .where("description", "LIKE", VtqlLiteral.likeContaining(marker)).build();
        List<Map<String, String>> rows = vtiger.query(q.page(0, 1));
        return rows.isEmpty() ? null : rows.get(0).get("id");
    }
}
