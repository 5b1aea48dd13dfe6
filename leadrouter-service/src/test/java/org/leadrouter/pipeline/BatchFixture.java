package org.leadrouter.pipeline;

import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.DistributionRequest;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.Mode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.lead.RawLead;
import org.leadrouter.allocation.Roster;

/** Builds finished {@link DistributionBatch}es with chosen row outcomes, for tests outside the pipeline package. */
public final class BatchFixture {
    private final Mode mode;
    private final List<Consumer<LeadRow>> outcomes = new ArrayList<>();
    private Roster roster;

    private BatchFixture(Mode mode) {
        this.mode = mode;
    }

    public static BatchFixture of(Mode mode) {
        return new BatchFixture(mode);
    }

    public BatchFixture created(Advisor advisor) {
        int n = outcomes.size() + 1;
        return row(r -> {
            r.planned(advisor, "default", "pool default");
            r.created("10x" + (9000 + n), null);
        });
    }

    public BatchFixture planned(Advisor advisor) {
        return row(r -> r.planned(advisor, "default", "pool default"));
    }

    public BatchFixture duplicate() {
        return row(r -> r.duplicate("same email as row 2"));
    }

    public BatchFixture invalid() {
        return row(r -> r.invalid("no name"));
    }

    public BatchFixture deferred() {
        return row(r -> r.deferred("default", "every advisor has reached the daily cap"));
    }

    public BatchFixture failed(String message) {
        return row(r -> r.failed(message));
    }

    /** The roster the allocation step would have loaded; without one the batch never needed VTiger. */
    public BatchFixture roster(Roster roster) {
        this.roster = roster;
        return this;
    }

    public DistributionBatch build() {
        List<RawLead> raws = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            raws.add(new RawLead(i + 2, "Lead " + i, "lead" + i + "@example.com", "", "", "", "", List.of()));
        }
        LeadFile file = new LeadFile("leads.csv", StandardCharsets.UTF_8, ';', List.of("Nombre", "Email"), raws, List.of());
        DistributionBatch batch = new DistributionBatch(
                new DistributionRequest(Path.of("leads.csv"), mode, Path.of("leads_asignados.csv")), file, "0123456789abcdef0123456789abcdef");
        for (int i = 0; i < outcomes.size(); i++) {
            outcomes.get(i).accept(batch.rows().get(i));
        }
        if (roster != null) {
            batch.allocated(roster, null);
        }
        return batch;
    }

    private BatchFixture row(Consumer<LeadRow> outcome) {
        outcomes.add(outcome);
        return this;
    }
}
