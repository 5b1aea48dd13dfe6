package org.leadrouter.pipeline;

import java.time.Clock;
import java.util.Objects;

import org.apache.camel.Processor;
import org.leadrouter.config.Settings;
import org.leadrouter.dedupe.CrmDuplicateFinder;
import org.leadrouter.dedupe.CrmKeyMirror;
import org.leadrouter.dedupe.CrmMirrorSync;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.roster.AdvisorSelection;
import org.leadrouter.roster.RosterLoader;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.vtiger.RetryPolicy;
import org.leadrouter.vtiger.VtigerClient;

/** The processors of the distribution route, built once from the settings, the VTiger client and the state. */
public final class DistributionSteps {
    private final Processor read;
    private final Processor validate;
    private final Processor findDuplicates;
    private final Processor allocate;
    private final Processor create;
    private final Processor rememberRotation;
    private final Processor writeReport;

    public DistributionSteps(Settings settings, VtigerClient vtiger, StateDatabase state, Clock clock) {
        Objects.requireNonNull(settings, "settings == null");
        PhoneNormaliser phones = new PhoneNormaliser(settings.phoneRegion());
        CrmKeyMirror mirror = new CrmKeyMirror(state);
        CrmMirrorSync sync = new CrmMirrorSync(vtiger, mirror, phones, settings.dedupeFullRefresh(), clock);
        RosterLoader roster = new RosterLoader(vtiger,
                new AdvisorSelection(settings.advisorsInclude(), settings.advisorsExclude(), settings.includeAdmins()),
                settings::capFor, settings.allocationZone(), settings.vtiger().serverZone());
        RetryPolicy retry = new RetryPolicy(settings.vtiger().retryAttempts(), settings.vtiger().initialBackoff(),
                settings.vtiger().maxBackoff());
        this.read = new ReadLeadFile();
        this.validate = new ValidateLeads(phones);
        this.findDuplicates = new FindDuplicates(new CrmDuplicateFinder(vtiger, mirror, sync, settings.dedupeModules()));
        this.allocate = new AllocateLeads(roster, state, clock);
        this.create = new CreateLead(new LeadCreator(vtiger, retry), settings.fieldMapping());
        this.rememberRotation = new RememberRotation(state);
        this.writeReport = new WriteReport();
    }

    public Processor read() { return read; }
    public Processor validate() { return validate; }
    public Processor findDuplicates() { return findDuplicates; }
    public Processor allocate() { return allocate; }
    public Processor create() { return create; }
    public Processor rememberRotation() { return rememberRotation; }
    public Processor writeReport() { return writeReport; }
}
