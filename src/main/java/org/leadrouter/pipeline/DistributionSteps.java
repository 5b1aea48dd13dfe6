package org.leadrouter.pipeline;

import java.time.Clock;
import java.util.Objects;

import org.apache.camel.Processor;
import org.leadrouter.availability.Availability;
import org.leadrouter.config.ReportSettings;
import org.leadrouter.config.Settings;
import org.leadrouter.dedupe.CrmDuplicateFinder;
import org.leadrouter.dedupe.CrmKeyMirror;
import org.leadrouter.dedupe.CrmMirrorSync;
import org.leadrouter.journal.Journal;
import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.roster.AdvisorSelection;
import org.leadrouter.roster.RosterLoader;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.vtiger.Sleeper;
import org.leadrouter.vtiger.VtigerClient;

/** The processors of the distribution routes, built once from the settings, the VTiger client and the state. */
public final class DistributionSteps {
    private final Processor read;
    private final Processor recallJournal;
    private final Processor loadDeferred;
    private final Processor validate;
    private final Processor findDuplicates;
    private final Processor allocate;
    private final Processor create;
    private final ReportProgress progress = new ReportProgress();
    private final Processor haltCreating = new HaltCreating();
    private final Processor rememberRotation;
    private final Processor writeReport;
    private final Processor recordOutcome;
    private final TodayLoads todayLoads;
    private final Availability availability;
    private final ReportSettings reportSettings;

    public DistributionSteps(Settings settings, VtigerClient vtiger, StateDatabase state, Journal journal,
                             ShutdownSignal shutdown, Clock clock) {
        Objects.requireNonNull(settings, "settings == null");
        PhoneNormaliser phones = new PhoneNormaliser(settings.phoneRegion());
        CrmKeyMirror mirror = new CrmKeyMirror(state);
        CrmMirrorSync sync = new CrmMirrorSync(vtiger, mirror, phones, settings.dedupeFullRefresh(),
                settings.vtiger().serverZone(), clock);
        RosterLoader roster = new RosterLoader(vtiger,
                new AdvisorSelection(settings.advisorsInclude(), settings.advisorsExclude(), settings.includeAdmins()),
                settings::capFor, settings.allocationZone(), settings.vtiger().serverZone());
        this.todayLoads = new TodayLoads(roster, journal, clock);
        this.read = new ReadLeadFile(settings.inputLimits());
        this.recallJournal = new RecallJournal(journal, new JournalMarkers(vtiger));
        LeadCreator creator = new LeadCreator(vtiger, vtiger.retryPolicy(), Sleeper.REAL);
        this.loadDeferred = new LoadDeferred(journal, creator);
        this.validate = new ValidateLeads(phones);
        this.findDuplicates = new FindDuplicates(new CrmDuplicateFinder(vtiger, mirror, sync, settings.dedupeModules()));
        this.availability = new Availability(settings.routing());
        this.allocate = new AllocateLeads(todayLoads, state, availability);
        this.create = new CreateLead(creator, settings.fieldMapping(),
                new LeadFieldsCheck(vtiger, settings.fieldMapping()), journal, shutdown);
        this.rememberRotation = new RememberRotation(state);
        this.writeReport = new WriteReport(settings.report());
        this.reportSettings = settings.report();
        this.recordOutcome = new RecordOutcome(journal);
    }

    public Processor read() { return read; }
    public Processor recallJournal() { return recallJournal; }
    public Processor loadDeferred() { return loadDeferred; }
    public Processor validate() { return validate; }
    public Processor findDuplicates() { return findDuplicates; }
    public Processor allocate() { return allocate; }
    public Processor create() { return create; }
    /** After each create, tells the run's {@link RunProgress} (see {@link ReportProgress#listenWith}). */
    public ReportProgress progress() { return progress; }
    public Processor haltCreating() { return haltCreating; }
    public Processor rememberRotation() { return rememberRotation; }
    public Processor writeReport() { return writeReport; }
    public Processor recordOutcome() { return recordOutcome; }
    /** Today's roster and loads (VTiger ∪ journal), for deciding whether deferred leads can go out. */
    public TodayLoads todayLoads() { return todayLoads; }
    /** Routing rules, weights, calendar and absences in force. */
    public Availability availability() { return availability; }
    /** How reports are written ({@code report.format}, {@code report.delimiter}). */
    public ReportSettings reportSettings() { return reportSettings; }
}
