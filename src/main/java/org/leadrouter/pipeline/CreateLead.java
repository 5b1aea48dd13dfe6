package org.leadrouter.pipeline;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadrouter.config.LeadFieldMapping;
import org.leadrouter.vtiger.VtigerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 (apply only), once per planned row: creates the Lead in VTiger with its advisor. A row VTiger refuses
 * ends as {@code error: <VTiger's message>} and the other rows go on; VTiger being unreachable stops the run.
 */
public final class CreateLead implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(CreateLead.class);
    /** Exchange property holding the batch while the split works row by row. */
    public static final String BATCH = "leadrouterBatch";

    private final LeadCreator creator;
    private final LeadFieldMapping fields;

    public CreateLead(LeadCreator creator, LeadFieldMapping fields) {
        this.creator = Objects.requireNonNull(creator, "creator == null");
        this.fields = Objects.requireNonNull(fields, "fields == null");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        LeadRow row = exchange.getMessage().getMandatoryBody(LeadRow.class);
        DistributionBatch batch = exchange.getProperty(BATCH, DistributionBatch.class);
        String marker = LeadElement.marker(batch.contentHash(), row.rowNumber());
        Map<String, String> element = LeadElement.of(row.lead(), row.advisor(), fields,
                batch.file().fileName(), marker);
        try {
            LeadCreator.Created created = creator.create(element, marker);
            row.created(created.id(), created.note());
            LOG.debug("row {} created as {} for {}", row.rowNumber(), created.id(), row.advisor().userName());
        } catch (VtigerException e) {
            if (e.isSessionLost() || e.isLoginRefused()) {
                throw e;
            }
            row.failed(e.vtigerMessage().isEmpty() ? e.code() : e.vtigerMessage());
            LOG.info("row {} refused by VTiger: {}", row.rowNumber(), e.code());
        }
    }
}
